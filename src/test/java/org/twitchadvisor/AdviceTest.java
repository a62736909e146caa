package org.twitchadvisor;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Advice is fitted to the diet: a vegan is never told to eat meat, fish, eggs or dairy. */
class AdviceTest {
    private static final String EVERY_DEFICIENCY = "\"twitching\": true, \"twitch_sites\": [\"leg\", \"calf\", \"foot\", \"eyelid\"],"
            + " \"symptoms\": [\"cramps\", \"tingling\", \"fatigue\", \"bone_pain\", \"sore_tongue\", \"constipation\"],"
            + " \"sun_exposure\": \"limited\", \"poor_diet\": true, \"alcohol\": \"heavy\", \"heavy_sweating\": true,"
            + " \"urge_to_move_legs\": true";
    private final TwitchAdvisor advisor = TwitchAdvisor.bundled();

    private List<String> advice(String diet) {
        Assessment a = advisor.assess(advisor.readJson("{" + EVERY_DEFICIENCY + ", \"diet\": \"" + diet + "\"}"));
        List<String> all = a.findings().stream().flatMap(f -> f.advice().stream()).toList();
        assertTrue(all.size() > 10, "the person should get plenty of advice: " + all);
        return all;
    }

    @ParameterizedTest
    @CsvSource({
            "vegan, meat|poultry|pork|fish|sardines|eggs?|egg yolks|dairy|milk|cheese|yogurt",
            "vegetarian, meat|poultry|pork|fish|sardines",
            "pescatarian, meat|poultry|pork"})
    void adviceNeverNamesFoodsTheDietLeavesOut(String diet, String forbidden) {
        Pattern p = Pattern.compile("\\b(" + forbidden + ")\\b");
        for (String advice : advice(diet)) {
            assertFalse(p.matcher(advice.toLowerCase(Locale.ROOT)).find(), diet + " was told: " + advice);
        }
    }

    @ParameterizedTest
    @CsvSource({"omnivore, fatty fish", "omnivore, dairy products", "vegetarian, egg yolks", "pescatarian, sardines",
            "vegan, fortified plant-based milks", "vegan, B12 supplement"})
    void adviceNamesTheFoodsTheDietAllows(String diet, String expected) {
        assertTrue(advice(diet).stream().anyMatch(a -> a.contains(expected)), diet + " should hear of " + expected);
    }
}
