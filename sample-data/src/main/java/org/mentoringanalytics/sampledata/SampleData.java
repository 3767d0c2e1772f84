package org.mentoringanalytics.sampledata;

import java.io.IOException;
import java.nio.file.Path;

/** Entry point of the stage: generate an organisation and write it as a landing folder. */
public final class SampleData {

    private SampleData() {
    }

    /**
     * Generates the organisation described by {@code config} and writes it under {@code landing}.
     *
     * @return the generated rows, for summaries
     */
    public static GeneratedOrganisation generate(GeneratorConfig config, Path landing) throws IOException {
        GeneratedOrganisation org;
        try (LandingWriter.SessionFiles sessions = new LandingWriter.SessionFiles(landing)) {
            org = new OrganisationGenerator(config, sessions).generate();
        }
        LandingWriter.write(org, config, landing);
        return org;
    }
}
