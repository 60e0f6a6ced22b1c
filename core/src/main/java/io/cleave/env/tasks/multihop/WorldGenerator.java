package io.cleave.env.tasks.multihop;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Generates a {@link World} from a seed. For {@code P} people: {@code clamp(P/12, 2, 8)} regions,
 * {@code max(regions, P/4)} towns (every region has one), {@code max(2, P/4)} firms with distinct founders. Birth
 * years are 1900-1979; a firm is founded 20-50 years after its founder's birth. The same seed and size always
 * give the same world.
 */
final class WorldGenerator {

    private WorldGenerator() {}

    /** The world of {@code seed} with {@code peopleCount} people. */
    static World generate(long seed, int peopleCount) {
        Random rnd = new Random(seed);
        NameGenerator names = new NameGenerator(rnd, WorldTexts.allTemplateText());
        int regionCount = Math.max(2, Math.min(WorldTexts.AREAS.size(), peopleCount / 12));
        int townCount = Math.max(regionCount, peopleCount / 4);
        int firmCount = Math.max(2, peopleCount / 4);

        List<String> areas = new ArrayList<>(WorldTexts.AREAS);
        Collections.shuffle(areas, rnd);
        List<World.Region> regions = new ArrayList<>();
        for (int i = 0; i < regionCount; i++) {
            regions.add(new World.Region(names.next(), areas.get(i)));
        }
        List<World.Town> towns = new ArrayList<>();
        for (int i = 0; i < townCount; i++) {
            World.Region region = i < regionCount ? regions.get(i) : regions.get(rnd.nextInt(regionCount));
            towns.add(new World.Town(names.next(), region.name()));
        }
        List<String> firmNames = new ArrayList<>();
        for (int i = 0; i < firmCount; i++) {
            firmNames.add(names.next());
        }
        List<World.Person> people = new ArrayList<>();
        for (int i = 0; i < peopleCount; i++) {
            people.add(new World.Person(names.next(), 1900 + rnd.nextInt(80),
                    towns.get(rnd.nextInt(townCount)).name(), firmNames.get(rnd.nextInt(firmCount))));
        }
        List<World.Person> founders = new ArrayList<>(people);
        Collections.shuffle(founders, rnd);
        List<World.Firm> firms = new ArrayList<>();
        for (int i = 0; i < firmCount; i++) {
            World.Person founder = founders.get(i);
            firms.add(new World.Firm(firmNames.get(i), founder.born() + 20 + rnd.nextInt(31), founder.name(),
                    towns.get(rnd.nextInt(townCount)).name()));
        }
        return new World(regions, towns, firms, people);
    }
}
