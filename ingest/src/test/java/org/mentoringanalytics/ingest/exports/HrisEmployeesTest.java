package org.mentoringanalytics.ingest.exports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HrisEmployeesTest {

    @TempDir
    Path landing;

    @Test
    void aBambooHrReportMapsTerminationTypesAndKeepsARehiresNumber() throws Exception {
        Files.createDirectories(landing.resolve("hr/mappings"));
        // BambooHR has no standard job level: this company keeps it in a custom field.
        Files.writeString(landing.resolve("hr/mappings/bamboohr.csv"), "source_column,landing_field,values\ncustomLevel,job_level,\n");
        Path file = Files.createDirectories(landing.resolve("exports/bamboohr")).resolve("employees.csv");
        Files.writeString(file, """
                employeeNumber,workEmail,hireDate,originalHireDate,terminationDate,terminationType,terminationReason,department,division,jobTitle,location,supervisorEId,customLevel
                101,ada@example.com,2020-01-06,2020-01-06,2025-05-31,Resignation,Better offer,Engineering,Product,Engineer,London,103,L2
                102,ben@example.com,2023-03-01,2018-03-01,,,,Engineering,Product,Lead,Berlin,103,L4
                103,cat@example.com,2012-07-15,2012-07-15,2025-02-01,Termination,Restructuring,Engineering,Product,Director,London,,L6
                104,dev@example.com,2021-02-01,2021-02-01,2025-04-01,Death,,Sales,Field,Rep,New York,103,L1
                """);
        List<Exports.Row> rows = HrisEmployees.read(landing, file, true);
        assertThat(rows).hasSize(4);
        Map<String, String> ada = rows.get(0).values();
        assertThat(ada).containsEntry("employee_id", "101").containsEntry("email", "ada@example.com")
                .containsEntry("termination_type", "voluntary").containsEntry("manager_id", "103").containsEntry("job_level", "L2");
        assertThat(rows.get(0).line()).isEqualTo(2);
        // The rehire keeps number 102; the latest hire starts the employment counted.
        assertThat(rows.get(1).values()).containsEntry("employee_id", "102").containsEntry("hire_date", "2023-03-01")
                .containsEntry("termination_type", "");
        assertThat(rows.get(2).values()).containsEntry("termination_type", "involuntary");
        assertThat(rows.get(3).values()).containsEntry("termination_type", "other");
        assertThat(Directory.of(landing).resolve("cat@example.com", null)).contains("103");
    }

    @Test
    void anotherSystemsReportGoesThroughItsOwnMapping() throws Exception {
        Files.createDirectories(landing.resolve("hr/mappings"));
        Files.writeString(landing.resolve("hr/mappings/workday-workers.csv"), """
                source_column,landing_field,values
                Employee_ID,employee_id,
                Work_Email,email,
                Hire_Date,hire_date,
                Termination_Date,termination_date,
                Termination_Category,termination_type,Terminate Employee > Voluntary=voluntary;Terminate Employee > Involuntary=involuntary
                Cost_Center,department,
                Location,location,
                Management_Level,job_level,
                Manager_ID,manager_id,
                """);
        Path file = Files.createDirectories(landing.resolve("exports/hris")).resolve("workday-workers.csv");
        Files.writeString(file, """
                Employee_ID,Work_Email,Hire_Date,Termination_Date,Termination_Category,Cost_Center,Location,Management_Level,Manager_ID
                W1,ada@example.com,2020-01-06,2025-05-31,Terminate Employee > Voluntary,Engineering,London,L2,W3
                W2,ben@example.com,2018-03-01,,,Engineering,Berlin,L4,W3
                """);
        List<Exports.Row> rows = HrisEmployees.read(landing, file, false);
        assertThat(rows.get(0).values()).containsEntry("employee_id", "W1").containsEntry("termination_type", "voluntary")
                .containsEntry("job_level", "L2").containsEntry("department", "Engineering");
        Path unmapped = landing.resolve("exports/hris/other.csv");
        Files.writeString(unmapped, "id\n1\n");
        assertThatThrownBy(() -> HrisEmployees.read(landing, unmapped, false)).hasMessageContaining("hr/mappings/other.csv");
    }
}
