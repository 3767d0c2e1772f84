package org.mentoringanalytics.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class TablesTest {

    @Test
    void personColumnsPastIngestAreKeysNeverIdentifiersOrEmails() {
        for (TableContract table : Tables.all()) {
            for (Column column : table.columns()) {
                assertThat(column.name()).as(table.name())
                        .isNotIn("email", "email_address", "work_email", "employee_id", "mentor_id", "mentee_id",
                                "manager_id", "logged_by", "first_name", "last_name", "full_name")
                        .doesNotEndWith("_email");
            }
        }
    }

    @Test
    void onlyProgramsHaveANameColumn() {
        // Program names are shown in reports; people's names never reach the warehouse.
        assertThat(Tables.all()).filteredOn(t -> t.findColumn("name").isPresent())
                .extracting(TableContract::name).containsExactly("stg_programs");
    }

    @Test
    void everyTableStatesItsGrainAndHasAUniqueName() {
        assertThat(Tables.all()).allSatisfy(t -> assertThat(t.grain()).startsWith("One row per"));
        assertThat(Tables.all().stream().map(TableContract::name).distinct().count()).isEqualTo(Tables.all().size());
        assertThat(Tables.byName("stg_sessions")).contains(Tables.STG_SESSIONS);
    }

    @Test
    void avroSchemaCarriesTypesLogicalTypesAndNullability() {
        Schema schema = AvroSchemas.of(Tables.STG_SESSIONS);
        assertThat(schema.getField("started_at").schema().getLogicalType()).isEqualTo(LogicalTypes.timestampMicros());
        assertThat(schema.getField("duration_minutes").schema().getType()).isEqualTo(Schema.Type.INT);
        Schema loggedBy = schema.getField("logged_by_key").schema();
        assertThat(loggedBy.getType()).isEqualTo(Schema.Type.UNION);
        assertThat(loggedBy.getTypes()).extracting(Schema::getType).containsExactly(Schema.Type.NULL, Schema.Type.STRING);
        Schema hire = AvroSchemas.of(Tables.STG_EMPLOYEES).getField("hire_date").schema();
        assertThat(hire.getLogicalType()).isEqualTo(LogicalTypes.date());
    }

    @Test
    void aContractRejectsNullableKeysAndDuplicateColumns() {
        assertThatThrownBy(() -> TableContract.builder("t", Layer.STAGING, "One row per x.")
                .column(Column.optional("id", ColumnType.STRING, "id")).primaryKey("id").build())
                .hasMessageContaining("key column is nullable: id");
        assertThatThrownBy(() -> TableContract.builder("t", Layer.STAGING, "One row per x.")
                .column(Column.required("id", ColumnType.STRING, "id"))
                .column(Column.required("id", ColumnType.INT, "again")).build())
                .hasMessageContaining("duplicate column id");
    }
}
