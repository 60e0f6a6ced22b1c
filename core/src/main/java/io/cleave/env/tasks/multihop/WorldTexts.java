package io.cleave.env.tasks.multihop;

import io.cleave.env.tools.search.CorpusDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The document templates of the world corpus and the patterns that read facts back out of a search result; kept
 * side by side so that they cannot drift apart. A document's title is the entity name and its text omits the
 * name, e.g. {@code Drun: founded 1990 by Mira, based in Tosk.}
 */
final class WorldTexts {

    static final String PERSON = "born %d in %s, works for %s.";
    static final String FIRM = "founded %d by %s, based in %s.";
    static final String TOWN = "a town in %s.";
    static final String REGION = "a region in the %s.";

    /** Birth year of a person. */
    static final String BORN_YEAR = "born (\\d+)";
    /** Birth town of a person. */
    static final String BORN_TOWN = "born \\d+ in (\\w+)";
    /** Employer of a person. */
    static final String EMPLOYER = "works for (\\w+)";
    /** Founder of a firm. */
    static final String FOUNDER = "by (\\w+)";
    /** Founding year and founder of a firm. */
    static final String FOUNDED_AND_FOUNDER = "founded (\\d+) by (\\w+)";
    /** Town of a firm. */
    static final String BASED = "based in (\\w+)";
    /** Region of a town. */
    static final String REGION_OF_TOWN = "town in (\\w+)";

    /** Compass areas of regions. */
    static final List<String> AREAS = List.of("north", "south", "east", "west", "center", "coast", "hills",
            "plains");

    private WorldTexts() {}

    /** One document per entity: people, firms, towns, regions, with ids p1.., f1.., t1.., r1... */
    static List<CorpusDocument> corpus(World world) {
        List<CorpusDocument> docs = new ArrayList<>();
        int i = 0;
        for (World.Person p : world.people()) {
            docs.add(new CorpusDocument("p" + ++i, p.name(), format(PERSON, p.born(), p.town(), p.firm())));
        }
        i = 0;
        for (World.Firm f : world.firms()) {
            docs.add(new CorpusDocument("f" + ++i, f.name(), format(FIRM, f.founded(), f.founder(), f.town())));
        }
        i = 0;
        for (World.Town t : world.towns()) {
            docs.add(new CorpusDocument("t" + ++i, t.name(), format(TOWN, t.region())));
        }
        i = 0;
        for (World.Region r : world.regions()) {
            docs.add(new CorpusDocument("r" + ++i, r.name(), format(REGION, r.area())));
        }
        return docs;
    }

    /** Every fixed word of the document and question templates, for keeping entity names apart from them. */
    static String allTemplateText() {
        return String.join(" ", PERSON, FIRM, TOWN, REGION, String.join(" ", AREAS), Questions.allTemplateText());
    }

    private static String format(String template, Object... args) {
        return String.format(Locale.ROOT, template, args);
    }
}
