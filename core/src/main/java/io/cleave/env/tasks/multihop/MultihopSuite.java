package io.cleave.env.tasks.multihop;

import io.cleave.env.reward.AnswerMetric;
import io.cleave.env.reward.ArpoReward;
import io.cleave.env.tasks.Prompts;
import io.cleave.env.tasks.PoolDraw;
import io.cleave.env.tasks.Split;
import io.cleave.env.tasks.Task;
import io.cleave.env.tasks.TaskSuite;
import io.cleave.env.tools.ToolSet;
import io.cleave.env.tools.calc.CalcTool;
import io.cleave.env.tools.search.CorpusDocument;
import io.cleave.env.tools.search.CorpusReader;
import io.cleave.env.tools.search.SearchTool;
import io.cleave.env.util.Options;
import io.cleave.env.util.StableHash;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code multihop} suite (options: see {@link MultihopConfig}). One world per {@code worldSeed}; its corpus
 * ({@link #corpus()}, or {@link #writeCorpus(Path)} as JSON Lines) backs the suite's {@code search} tool. The
 * questions with {@code difficulty} hops form a finite pool split by prompt hash; {@link #tasks} shuffles a split's
 * pool with the seed and returns at most its size. Tasks may use {@code calc} and {@code search}, use the
 * {@code arpo} reward and SQuAD F1.
 */
public final class MultihopSuite implements TaskSuite {

    /** Registry name. */
    public static final String NAME = "multihop";

    private final MultihopConfig config;
    private final World world;
    private final List<CorpusDocument> corpus;
    private final Map<Split, List<Task>> pools = new EnumMap<>(Split.class);

    /** Generates the world and its questions. */
    public MultihopSuite(MultihopConfig config) {
        this.config = config;
        this.world = WorldGenerator.generate(config.worldSeed(), config.people());
        this.corpus = WorldTexts.corpus(world);
        for (Split s : Split.values()) {
            pools.put(s, new ArrayList<>());
        }
        for (MultihopQuestion q : Questions.all(world, corpus)) {
            if (q.hops() == config.difficulty()) {
                String prompt = Prompts.question(q.question());
                Task task = new Task(NAME + "-" + config.worldSeed() + "-" + Long.toHexString(StableHash.of(prompt)),
                        prompt, q.answer(), List.of(CalcTool.NAME, SearchTool.NAME), ArpoReward.NAME,
                        AnswerMetric.F1, q.plan());
                pools.get(Split.of(prompt, config.testFraction())).add(task);
            }
        }
        pools.replaceAll((s, list) -> List.copyOf(list));
    }

    /**
     * The same suite over another generated world: world seed {@code worldSeed + offset}, other settings equal.
     * Questions are split by their text, so a question of another world is never one of this world's test
     * questions in the other world's train split.
     */
    public MultihopSuite otherWorld(int offset) {
        return new MultihopSuite(new MultihopConfig(config.difficulty(), config.worldSeed() + offset, config.people(),
                config.testFraction(), config.search()));
    }

    /** The suite from string options. */
    public static MultihopSuite fromOptions(Options options) {
        return new MultihopSuite(MultihopConfig.fromOptions(options));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int difficulty() {
        return config.difficulty();
    }

    @Override
    public List<Task> tasks(Split split, int count, long seed) {
        return PoolDraw.draw(pools.get(split), count, seed);
    }

    /** Number of questions in {@code split}. */
    public int poolSize(Split split) {
        return pools.get(split).size();
    }

    @Override
    public ToolSet tools() {
        return ToolSet.of(new CalcTool(), SearchTool.overDocuments(corpus, config.search()));
    }

    /** The generated world. */
    public World world() {
        return world;
    }

    /** The world's documents, one per entity. */
    public List<CorpusDocument> corpus() {
        return corpus;
    }

    /** Writes the corpus as JSON Lines, for {@code ToolRegistry.create("search", Map.of("corpus", file))}. */
    public void writeCorpus(Path file) {
        CorpusReader.write(corpus, file);
    }
}
