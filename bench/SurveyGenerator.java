import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Writes a seeded synthetic survey as CSV on standard output, for the batch benchmark.
 *
 * <pre>java bench/SurveyGenerator.java --rows 1000000 --seed 42 [--invalid 0.01] &gt; survey.csv</pre>
 *
 * <p>The answer mix imitates a real twitching survey: most respondents twitch (eyelids and calves most
 * often), a minority has red-flag signs, diets are mostly omnivore, lab values are rare and mostly normal,
 * many cells are left empty. About {@code --invalid} of the rows carry a mistake a real export has (a typo in
 * a value, a number out of range, a missing respondent id), so the benchmark exercises the error path too.
 * Same seed, same bytes: the benchmark compares runs on identical input.
 *
 * <p>Run as a single-file program (Java 11+); it has no dependencies and is not part of the jar.
 */
public final class SurveyGenerator {
    static final String[] COLUMNS = {"respondent", "twitching", "twitch_sites", "twitch_timing", "twitch_persistent",
            "twitch_worsening", "twitch_painful", "twitch_severity", "symptoms", "tingling_sites", "urge_to_move_legs",
            "relieved_by_movement", "limb_movements_during_sleep", "diet", "poor_diet", "low_intake", "supplements",
            "alcohol", "caffeine_cups_per_day", "nicotine", "stress", "sun_exposure", "water_intake", "heavy_sweating",
            "exercise", "exercise_near_bedtime", "medications", "conditions", "lab_magnesium_mmol_l",
            "lab_calcium_mmol_l", "lab_potassium_mmol_l", "lab_vitamin_d_ng_ml", "lab_vitamin_b12_pg_ml",
            "lab_ferritin_ng_ml"};

    private final Random rnd;

    private SurveyGenerator(long seed) {
        this.rnd = new Random(seed);
    }

    public static void main(String[] args) throws IOException {
        long rows = 1000;
        long seed = 42;
        double invalid = 0.01;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rows" -> rows = Long.parseLong(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--invalid" -> invalid = Double.parseDouble(args[++i]);
                default -> {
                    System.err.println("usage: java bench/SurveyGenerator.java [--rows N] [--seed S] [--invalid FRACTION]");
                    System.exit(2);
                }
            }
        }
        SurveyGenerator g = new SurveyGenerator(seed);
        try (Writer out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16)) {
            out.write(String.join(",", COLUMNS));
            out.write('\n');
            for (long r = 1; r <= rows; r++) {
                String[] row = g.respondent(r);
                if (g.rnd.nextDouble() < invalid) {
                    g.spoil(row);
                }
                for (int c = 0; c < row.length; c++) {
                    if (c > 0) {
                        out.write(',');
                    }
                    out.write(csv(row[c]));
                }
                out.write('\n');
            }
        }
    }

    private String[] respondent(long n) {
        String[] row = new String[COLUMNS.length];
        java.util.Arrays.fill(row, "");
        // A few exports carry names with commas, which CSV must quote.
        row[0] = chance(0.01) ? "Respondent " + n + ", panel B" : String.format(Locale.ROOT, "r%07d", n);
        boolean twitching = chance(0.88);
        row[1] = unanswered(0.03) ? "" : yesNo(twitching);
        if (twitching) {
            row[2] = anyOf(0.08, new String[]{"eyelid", "calf", "leg", "foot", "hand", "arm", "face", "other"},
                    new double[]{0.40, 0.30, 0.22, 0.12, 0.08, 0.06, 0.05, 0.03});
            row[3] = anyOf(0.15, new String[]{"night", "evening", "daytime", "after_exercise"},
                    new double[]{0.35, 0.25, 0.30, 0.15});
            row[4] = maybe(0.1, yesNo(chance(0.35)));
            row[5] = maybe(0.1, yesNo(chance(0.1)));
            row[6] = maybe(0.1, yesNo(chance(0.08)));
            row[7] = maybe(0.2, oneOf(new String[]{"mild", "moderate", "severe"}, new double[]{0.6, 0.3, 0.1}));
        }
        String symptoms = anyOf(0.0, new String[]{"cramps", "spasms", "tingling", "numbness", "muscle_weakness",
                        "fatigue", "headache", "nausea", "vomiting", "diarrhea", "loss_of_appetite", "irregular_heartbeat",
                        "constipation", "memory_problems", "mood_changes", "sore_tongue", "dental_problems", "bone_pain",
                        "sleep_problems", "sustained_contractions", "paralysis"},
                new double[]{0.30, 0.12, 0.15, 0.08, 0.05, 0.35, 0.15, 0.05, 0.02, 0.04, 0.04, 0.02, 0.05, 0.04,
                        0.08, 0.02, 0.02, 0.03, 0.20, 0.005, 0.002});
        row[8] = symptoms.isEmpty() ? (chance(0.5) ? "none" : "") : symptoms;
        if (symptoms.contains("tingling") || symptoms.contains("numbness")) {
            row[9] = anyOf(0.1, new String[]{"mouth", "hands", "feet", "limbs"}, new double[]{0.1, 0.5, 0.5, 0.2});
        }
        boolean urge = chance(0.1);
        row[10] = maybe(0.2, yesNo(urge));
        if (urge) {
            row[11] = yesNo(chance(0.8));
        }
        row[12] = maybe(0.3, yesNo(chance(0.06)));
        String diet = oneOf(new String[]{"omnivore", "vegetarian", "vegan", "pescatarian"}, new double[]{0.70, 0.15, 0.08, 0.07});
        row[13] = maybe(0.03, chance(0.02) ? diet.toUpperCase(Locale.ROOT) : diet);
        row[14] = maybe(0.1, yesNo(chance(0.2)));
        row[15] = anyOf(0.3, new String[]{"dairy", "leafy_greens", "nuts_seeds", "legumes", "whole_grains", "fruit",
                "potatoes", "fish", "meat", "eggs", "fortified_foods"},
                new double[]{0.1, 0.2, 0.2, 0.15, 0.1, 0.1, 0.05, 0.25, 0.1, 0.08, 0.2});
        row[16] = chance(0.45) ? "none" : anyOf(0.1, new String[]{"magnesium", "calcium", "potassium", "vitamin_d",
                "vitamin_b12", "vitamin_b6", "iron", "multivitamin"}, new double[]{0.15, 0.05, 0.02, 0.2, 0.1, 0.03, 0.05, 0.3});
        row[17] = maybe(0.07, oneOf(new String[]{"none", "moderate", "heavy"}, new double[]{0.3, 0.6, 0.1}));
        row[18] = unanswered(0.1) ? "" : chance(0.1) ? String.format(Locale.ROOT, "%.1f", rnd.nextDouble() * 6)
                : Integer.toString((int) Math.min(20, Math.abs(rnd.nextGaussian() * 3 + 2)));
        row[19] = maybe(0.05, yesNo(chance(0.15)));
        row[20] = maybe(0.05, oneOf(new String[]{"low", "moderate", "high"}, new double[]{0.25, 0.45, 0.30}));
        row[21] = maybe(0.1, oneOf(new String[]{"limited", "moderate", "ample"}, new double[]{0.3, 0.5, 0.2}));
        row[22] = maybe(0.1, oneOf(new String[]{"low", "adequate"}, new double[]{0.35, 0.65}));
        row[23] = maybe(0.05, chance(0.3) ? (chance(0.2) ? "1" : "yes") : (chance(0.2) ? "0" : "no"));
        row[24] = maybe(0.05, oneOf(new String[]{"none", "light", "moderate", "intense"}, new double[]{0.2, 0.35, 0.3, 0.15}));
        row[25] = maybe(0.2, yesNo(chance(0.1)));
        row[26] = chance(0.6) ? "none" : anyOf(0.3, new String[]{"diuretic", "other"}, new double[]{0.12, 0.6});
        row[27] = chance(0.7) ? "none" : anyOf(0.5, new String[]{"malabsorption", "kidney_disease", "thyroid_disorder",
                "peripheral_neuropathy"}, new double[]{0.2, 0.1, 0.3, 0.1});
        if (chance(0.08)) {
            row[28] = lab(0.85, 0.12, 2);
            row[29] = lab(2.35, 0.15, 2);
            row[30] = lab(4.1, 0.45, 1);
        }
        if (chance(0.06)) {
            row[31] = lab(24, 10, 0);
            row[32] = lab(420, 160, 0);
            row[33] = lab(70, 45, 0);
        }
        return row;
    }

    /** The mistakes real survey exports carry; each makes the row invalid. */
    private void spoil(String[] row) {
        switch (rnd.nextInt(5)) {
            case 0 -> row[13] = "vegn";
            case 1 -> row[18] = "120";
            case 2 -> row[18] = "two";
            case 3 -> row[0] = "";
            default -> row[1] = "maybe";
        }
    }

    private String lab(double mean, double sd, int decimals) {
        double v = Math.max(0, mean + rnd.nextGaussian() * sd);
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    private boolean chance(double p) {
        return rnd.nextDouble() < p;
    }

    private boolean unanswered(double p) {
        return chance(p);
    }

    private String maybe(double unanswered, String value) {
        return chance(unanswered) ? "" : value;
    }

    private static String yesNo(boolean b) {
        return b ? "yes" : "no";
    }

    private String oneOf(String[] values, double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double x = rnd.nextDouble() * total;
        for (int i = 0; i < values.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return values[i];
            }
        }
        return values[values.length - 1];
    }

    /** Each value independently with its probability, joined by ';'; empty (unanswered) with probability {@code skip}. */
    private String anyOf(double skip, String[] values, double[] p) {
        if (chance(skip)) {
            return "";
        }
        Set<String> chosen = new LinkedHashSet<>();
        for (int i = 0; i < values.length; i++) {
            if (chance(p[i])) {
                chosen.add(values[i]);
            }
        }
        List<String> list = new ArrayList<>(chosen);
        return String.join(";", list);
    }

    private static String csv(String cell) {
        if (cell.indexOf(',') < 0 && cell.indexOf('"') < 0 && cell.indexOf('\n') < 0) {
            return cell;
        }
        return '"' + cell.replace("\"", "\"\"") + '"';
    }
}
