package org.peelharvest.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * docs/datasets.md is the rendering of the code's one description of each column: on a
 * difference the rendering is written to target/datasets.md, to be looked at and copied over on purpose.
 */
class DatasetsReferenceTest {

    private static final Path PAGE = Path.of("docs/datasets.md");

    @Test
    void theDatasetsPageEqualsTheRenderingOfTheTablesDescriptions() throws IOException {
        String rendered = DatasetsReference.markdown();
        String page = Files.exists(PAGE) ? Files.readString(PAGE, StandardCharsets.UTF_8) : "";
        if (!page.equals(rendered)) {
            Files.writeString(Path.of("target/datasets.md"), rendered, StandardCharsets.UTF_8);
        }

        assertThat(page).as("docs/datasets.md differs from the rendering, written to target/datasets.md").isEqualTo(rendered);
    }

    @Test
    void theReleasesReportSchemaDescribesEachPropertyThatIsAColumnAsTheDescriptorDoes() throws IOException {
        JsonNode schema = JsonMapper.builder().build().readTree(ReportSchema.described());

        assertThat(schema.at("/properties/judgment_rank/description").asString())
                .isEqualTo(DataPackage.REPORTS.field("judgment_rank").orElseThrow().description());
        assertThat(schema.at("/properties/source/properties/sha256/description").asString())
                .isEqualTo(DataPackage.REPORTS.field("source_sha256").orElseThrow().description());
        assertThat(schema.at("/$defs/question/properties/number/description").asString())
                .isEqualTo(DataPackage.QUESTIONS.field("question_number").orElseThrow().description());
        assertThat(schema.at("/$defs/question/properties/carried_over/description").asString())
                .startsWith("true when the report carries");
        // A property that is no column keeps its own words.
        assertThat(schema.at("/properties/summary").has("description")).isFalse();
    }

    @Test
    void everyColumnOfEveryTableHasADescriptionOnThePage() {
        String page = DatasetsReference.markdown();

        for (DataPackage.Table table : DataPackage.TABLES) {
            assertThat(page).contains("`" + table.file() + "`");
            for (DataPackage.Field field : table.fields()) {
                assertThat(field.description()).as(table.name() + "." + field.name()).isNotBlank();
                assertThat(page).contains("| `" + field.name() + "` |");
            }
        }
        assertThat(page).contains("| `carried_over` | boolean | yes |", "`report_id` refers to `report_id` of `reports.csv`",
                "`cause_of_concern_id` refers to `cause_of_concern_id` of `causes_of_concern.csv`");
    }
}
