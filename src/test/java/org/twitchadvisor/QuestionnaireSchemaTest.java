package org.twitchadvisor;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/questionnaire.schema.json is the schema the bundled questions give; the shipped examples conform to it,
 * and what the reader refuses (an unknown question, a value off the list, a number out of range) it refuses too.
 */
class QuestionnaireSchemaTest {
    static final Path PUBLISHED = Path.of("docs/questionnaire.schema.json");
    static final TwitchAdvisor ADVISOR = TwitchAdvisor.bundled();
    static final Schema SCHEMA = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(ADVISOR.questionnaireSchema(), InputFormat.JSON);

    @Test
    void thePublishedSchemaIsUpToDate() throws IOException {
        assertEquals(ADVISOR.questionnaireSchema(), Files.readString(PUBLISHED), PUBLISHED + " is stale: regenerate it with "
                + "java -jar target/twitch.jar rules schema --output docs/questionnaire.schema.json");
    }

    static Stream<Path> examples() throws IOException {
        return Files.list(Path.of("facts/examples")).filter(p -> p.toString().endsWith(".json")).sorted();
    }

    @ParameterizedTest
    @MethodSource("examples")
    void everyShippedExampleConforms(Path example) throws IOException {
        String json = Files.readString(example);
        List<Error> errors = SCHEMA.validate(json, InputFormat.JSON);
        assertEquals(List.of(), errors.stream().map(Error::toString).toList(), example + " does not conform");
        ADVISOR.readJson(json);
    }

    @Test
    void whatTheReaderRefusesTheSchemaRefuses() {
        for (String bad : List.of("{\"twitchng\": true}", "{\"diet\": \"carnivore\"}", "{\"twitch_sites\": [\"knee\"]}",
                "{\"caffeine_cups_per_day\": 51}", "{\"twitching\": 3}")) {
            assertTrue(!SCHEMA.validate(bad, InputFormat.JSON).isEmpty(), bad + " should not conform");
            try {
                ADVISOR.readJson(bad);
                throw new AssertionError("the reader accepted " + bad);
            } catch (InvalidQuestionnaireException expected) {
                // the two agree
            }
        }
        assertEquals(List.of(), SCHEMA.validate("{\"respondent\": \"r1\", \"diet\": null, \"symptoms\": []}", InputFormat.JSON)
                .stream().map(Error::toString).toList(), "null is not answered, [] is none of these");
    }
}
