package io.cleave.env.tasks.multihop;

import java.util.List;

/**
 * A generated fictional world. Every person is born in a town and works for a firm; every firm was founded by a
 * person and is based in a town; every town lies in a region.
 *
 * @param regions the regions
 * @param towns the towns
 * @param firms the firms
 * @param people the people
 */
public record World(List<Region> regions, List<Town> towns, List<Firm> firms, List<Person> people) {

    /** Copies the lists. */
    public World {
        regions = List.copyOf(regions);
        towns = List.copyOf(towns);
        firms = List.copyOf(firms);
        people = List.copyOf(people);
    }

    /** A region and the compass area it lies in. */
    public record Region(String name, String area) {}

    /** A town and its region. */
    public record Town(String name, String region) {}

    /** A firm, its founding year, its founder (a person) and its town. */
    public record Firm(String name, int founded, String founder, String town) {}

    /** A person, birth year, birth town and employer (a firm). */
    public record Person(String name, int born, String town, String firm) {}

    /** The person called {@code name}. */
    public Person person(String name) {
        return people.stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    /** The firm called {@code name}. */
    public Firm firm(String name) {
        return firms.stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }

    /** The town called {@code name}. */
    public Town town(String name) {
        return towns.stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }
}
