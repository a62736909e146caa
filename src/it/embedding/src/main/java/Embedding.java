import org.twitchadvisor.Assessment;
import org.twitchadvisor.Finding;
import org.twitchadvisor.InvalidQuestionnaireException;
import org.twitchadvisor.Problem;
import org.twitchadvisor.Questionnaire;
import org.twitchadvisor.TwitchAdvisor;

import java.nio.file.Path;

/** Assesses one person's answers and prints the findings: with the bundled rules, or a rules folder named first. */
public class Embedding {
    public static void main(String[] args) {
        // Build it once (it compiles the rules, about a second), then call assess from any number of threads.
        TwitchAdvisor advisor = args.length > 0 ? TwitchAdvisor.fromDirectory(Path.of(args[0])) : TwitchAdvisor.bundled();
        Questionnaire answers = advisor.readJson("""
                {"respondent": "r1", "twitching": true, "diet": "vegan", "sun_exposure": "limited"}""");
        Assessment assessment = advisor.assess(answers);
        for (Finding finding : assessment.findings()) {
            System.out.println(finding.type() + " " + finding.subject() + " " + finding.level() + " " + finding.score());
        }
        String json = advisor.toJson(assessment);          // the output contract, one line
        String text = advisor.toText(assessment);          // for people, with the disclaimer
        System.out.println(json.length() + " characters of JSON; the text ends: " + text.strip().lines().reduce((a, b) -> b).orElse(""));

        try {
            advisor.readJson("""
                    {"respondent": "r2", "twitching": "often"}""");
        } catch (InvalidQuestionnaireException e) {
            for (Problem problem : e.problems()) {   // which question, which value, what is allowed
                System.out.println("rejected: " + problem.question() + " = " + problem.value() + ": " + problem.message());
            }
        }
    }
}
