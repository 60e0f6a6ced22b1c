package io.cleave.cli;

import ai.djl.ndarray.NDManager;
import com.google.gson.GsonBuilder;
import io.cleave.model.Policy;
import io.cleave.model.ScoreResult;
import io.cleave.model.TorchRuntime;
import io.cleave.model.io.ModelDirectory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cleave score}: prints, as JSON, each position's next-token log-prob and the entropy of the model's
 * distribution there. This is how a user checks a converted model against another implementation.
 */
@Command(name = "score", mixinStandardHelpOptions = true,
        description = "Print per-position next-token log-probs and entropies as JSON.")
final class ScoreCommand implements Callable<Integer> {

    @Option(names = "--model", required = true, description = "model directory (Cleave or Hugging Face)")
    Path model;

    @ArgGroup(multiplicity = "1")
    Input input;

    static final class Input {
        @Option(names = "--text", description = "text to tokenize and score")
        String text;

        @Option(names = "--ids", split = ",", description = "token ids, comma-separated")
        int[] ids;
    }

    @Override
    public Integer call() {
        TorchRuntime.disableGrad();
        try (Policy policy = ModelDirectory.load(model); NDManager step = policy.manager().newSubManager()) {
            int[] ids = input.ids != null ? input.ids : policy.tokenizer().encode(input.text);
            if (ids.length < 2) {
                throw new UserException("need at least 2 tokens to score, got " + ids.length);
            }
            for (int id : ids) {
                if (id < 0 || id >= policy.config().vocabSize()) {
                    throw new UserException("token id " + id + " is outside the vocabulary [0, "
                            + policy.config().vocabSize() + ")");
                }
            }
            ScoreResult score = policy.score(step, new int[][] {ids}, 1.0);
            float[] logp = score.logProbs().toFloatArray();
            float[] entropy = score.entropies().toFloatArray();
            List<Map<String, Object>> positions = new ArrayList<>();
            for (int i = 0; i < logp.length; i++) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("position", i);
                row.put("next_token", ids[i + 1]);
                row.put("next_text", policy.tokenizer().decode(new int[] {ids[i + 1]}));
                row.put("logprob", logp[i]);
                row.put("entropy", entropy[i]);
                positions.add(row);
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("tokens", Arrays.stream(ids).boxed().toList());
            out.put("positions", positions);
            System.out.println(new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(out));
        }
        return 0;
    }
}
