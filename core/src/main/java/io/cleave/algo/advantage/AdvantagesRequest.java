package io.cleave.algo.advantage;

import java.util.List;

/**
 * A batch read from an advantages JSON file (see {@code docs/advantages-json.md}), ready for an estimator.
 *
 * @param groupIds      the id of every prompt group, in order
 * @param input         the trees (and optional log-probs and reward KL coefficient)
 * @param segmenter     name of the segmenter that cut samples without explicit segments
 * @param sharePrefixes whether branched samples share their parents' prefix nodes
 */
public record AdvantagesRequest(List<String> groupIds, AdvantageInput input, String segmenter,
                                boolean sharePrefixes) {

    /** Copies the id list and checks it matches the groups. */
    public AdvantagesRequest {
        groupIds = List.copyOf(groupIds);
        if (groupIds.size() != input.groups().size()) {
            throw new IllegalArgumentException(groupIds.size() + " group ids for " + input.groups().size()
                    + " groups");
        }
    }
}
