package org.mentoringanalytics.app;

import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

/** Sends one message over SMTP (Jakarta Mail): plain text, with files attached. */
final class Mailer {

    private final MailSettings settings;

    Mailer(MailSettings settings) {
        this.settings = settings;
    }

    void send(List<String> to, String subject, String body, List<Path> attachments) throws MessagingException, IOException {
        Properties p = new Properties();
        p.put("mail.smtp.host", settings.host());
        p.put("mail.smtp.port", Integer.toString(settings.port()));
        p.put("mail.smtp.starttls.enable", Boolean.toString(settings.starttls()));
        // With STARTTLS on, a server that will not upgrade the connection gets nothing: no password in clear.
        p.put("mail.smtp.starttls.required", Boolean.toString(settings.starttls()));
        p.put("mail.smtp.auth", Boolean.toString(settings.user() != null));
        p.put("mail.smtp.connectiontimeout", "20000");
        p.put("mail.smtp.timeout", "60000");
        p.put("mail.smtp.writetimeout", "60000");
        Session session = Session.getInstance(p, settings.user() == null ? null : new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(settings.user(), settings.password());
            }
        });
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(settings.from(), true));
        message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(String.join(",", to), true));
        message.setSubject(subject, "UTF-8");
        MimeMultipart parts = new MimeMultipart();
        MimeBodyPart text = new MimeBodyPart();
        text.setText(body, "UTF-8");
        parts.addBodyPart(text);
        for (Path file : attachments) {
            MimeBodyPart attachment = new MimeBodyPart();
            attachment.attachFile(file.toFile());
            parts.addBodyPart(attachment);
        }
        message.setContent(parts);
        message.setSentDate(new java.util.Date());
        Transport.send(message);
    }
}
