package io.cleave.env.tasks.multihop;

import static io.cleave.env.tasks.PlanStep.calc;
import static io.cleave.env.tasks.PlanStep.search;

import io.cleave.env.tasks.Plan;
import io.cleave.env.tasks.PlanStep;
import io.cleave.env.tools.search.CorpusDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Writes every question a {@link World} supports, with its gold answer and a search plan:
 *
 * <pre>
 *   2 hops: In which region was P born?            P -> town -> region
 *           Who founded the firm P works for?      P -> firm -> founder
 *           Where was the founder of F born?       F -> founder -> town
 *           In which region is F based?            F -> town -> region
 *           How old was the founder of F when ...  F -> year, founder -> born; calc year-born
 *   3 hops: Where was the founder of P's firm born?          P -> firm -> founder -> town
 *           In which region is the firm P works for based?   P -> firm -> town -> region
 *           In which region was the founder of F born?       F -> founder -> town -> region
 *           How old was the founder of P's firm when ...     P -> firm -> founder; calc
 * </pre>
 *
 * A question is dropped when its answer appears (case-insensitively) in its anchor's document, so the answer is
 * never in the document of the entity the question names.
 */
final class Questions {

    static final String REGION_BORN = "In which region was %s born?";
    static final String FOUNDER_OF_EMPLOYER = "Who founded the firm %s works for?";
    static final String FOUNDER_BORN = "Where was the founder of %s born?";
    static final String FIRM_REGION = "In which region is %s based?";
    static final String FOUNDER_AGE = "How old was the founder of %s when it was founded?";
    static final String EMPLOYER_FOUNDER_BORN = "Where was the founder of %s's firm born?";
    static final String EMPLOYER_REGION = "In which region is the firm %s works for based?";
    static final String FOUNDER_REGION = "In which region was the founder of %s born?";
    static final String EMPLOYER_FOUNDER_AGE = "How old was the founder of %s's firm when it was founded?";

    private Questions() {}

    /** The question templates' words (for keeping entity names apart from them). */
    static String allTemplateText() {
        return String.join(" ", REGION_BORN, FOUNDER_OF_EMPLOYER, FOUNDER_BORN, FIRM_REGION, FOUNDER_AGE,
                EMPLOYER_FOUNDER_BORN, EMPLOYER_REGION, FOUNDER_REGION, EMPLOYER_FOUNDER_AGE);
    }

    /** All questions of {@code world} whose answer is not in their anchor's document in {@code corpus}. */
    static List<MultihopQuestion> all(World w, List<CorpusDocument> corpus) {
        Map<String, CorpusDocument> byTitle = corpus.stream()
                .collect(Collectors.toMap(CorpusDocument::title, Function.identity()));
        List<MultihopQuestion> out = new ArrayList<>();
        for (World.Person p : w.people()) {
            World.Firm firm = w.firm(p.firm());
            World.Person founder = w.person(firm.founder());
            String n = p.name();
            out.add(q(REGION_BORN, n, w.town(p.town()).region(), 2,
                    search(n, WorldTexts.BORN_TOWN, "town"), regionOf("town")));
            out.add(q(FOUNDER_OF_EMPLOYER, n, firm.founder(), 2,
                    employerOf(n), search("{firm}", WorldTexts.FOUNDER, "founder")));
            out.add(q(EMPLOYER_FOUNDER_BORN, n, founder.town(), 3, employerOf(n),
                    search("{firm}", WorldTexts.FOUNDER, "founder"), bornTownOf("founder")));
            out.add(q(EMPLOYER_REGION, n, w.town(firm.town()).region(), 3, employerOf(n),
                    search("{firm}", WorldTexts.BASED, "town"), regionOf("town")));
            out.add(q(EMPLOYER_FOUNDER_AGE, n, Integer.toString(firm.founded() - founder.born()), 3, employerOf(n),
                    search("{firm}", WorldTexts.FOUNDED_AND_FOUNDER, "year", "founder"),
                    search("{founder}", WorldTexts.BORN_YEAR, "born"), calc("{year}-{born}", "age")));
        }
        for (World.Firm f : w.firms()) {
            World.Person founder = w.person(f.founder());
            String n = f.name();
            out.add(q(FOUNDER_BORN, n, founder.town(), 2,
                    search(n, WorldTexts.FOUNDER, "founder"), bornTownOf("founder")));
            out.add(q(FIRM_REGION, n, w.town(f.town()).region(), 2,
                    search(n, WorldTexts.BASED, "town"), regionOf("town")));
            out.add(q(FOUNDER_AGE, n, Integer.toString(f.founded() - founder.born()), 2,
                    search(n, WorldTexts.FOUNDED_AND_FOUNDER, "year", "founder"),
                    search("{founder}", WorldTexts.BORN_YEAR, "born"), calc("{year}-{born}", "age")));
            out.add(q(FOUNDER_REGION, n, w.town(founder.town()).region(), 3,
                    search(n, WorldTexts.FOUNDER, "founder"), bornTownOf("founder"), regionOf("town")));
        }
        return out.stream().filter(q -> !mentions(byTitle.get(q.anchor()), q.answer())).toList();
    }

    private static PlanStep employerOf(String person) {
        return search(person, WorldTexts.EMPLOYER, "firm");
    }

    private static PlanStep bornTownOf(String personSlot) {
        return search("{" + personSlot + "}", WorldTexts.BORN_TOWN, "town");
    }

    private static PlanStep regionOf(String townSlot) {
        return search("{" + townSlot + "}", WorldTexts.REGION_OF_TOWN, "region");
    }

    private static MultihopQuestion q(String template, String anchor, String answer, int hops, PlanStep... steps) {
        List<PlanStep> plan = List.of(steps);
        String last = plan.get(plan.size() - 1).outputs().get(0);
        boolean numeric = plan.get(plan.size() - 1).tool().equals("calc");
        return new MultihopQuestion(String.format(Locale.ROOT, template, anchor), answer, anchor, hops,
                new Plan(plan, "{" + last + "}", numeric));
    }

    private static boolean mentions(CorpusDocument doc, String answer) {
        String text = (doc.title() + ": " + doc.text()).toLowerCase(Locale.ROOT);
        return text.contains(answer.toLowerCase(Locale.ROOT));
    }
}
