package io.cleave.train.rl;

import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;
import io.cleave.model.Policy;
import io.cleave.model.TorchRuntime;
import io.cleave.rollout.engine.PromptRollout;
import io.cleave.rollout.tree.RolloutSample;
import java.util.ArrayList;
import java.util.List;

/**
 * The frozen reference policy's log-probs of every trajectory's generated tokens, shaped like the sampling
 * log-probs ({@code [prompt][trajectory][L]}, 0 on tool-result tokens), for the KL penalty that REINFORCE++ folds
 * into the token rewards: {@code r_t = -beta * (log pi_old(y_t) - log pi_ref(y_t))}. One scoring pass per prompt
 * group, without autograd.
 */
public final class ReferenceLogProbs {

    private ReferenceLogProbs() {}

    /**
     * @param reference   the frozen reference policy
     * @param temperature the temperature the tokens were sampled with (the log-probs are taken at it, as the
     *                    sampling log-probs are)
     */
    public static List<float[][]> of(Policy reference, List<PromptRollout> rollouts, double temperature) {
        boolean gradWasOn = JniUtils.isGradMode();
        TorchRuntime.disableGrad();
        try {
            List<float[][]> out = new ArrayList<>(rollouts.size());
            for (PromptRollout rollout : rollouts) {
                out.add(ofGroup(reference, rollout, temperature));
            }
            return out;
        } finally {
            if (gradWasOn) {
                TorchRuntime.enableGrad();
            }
        }
    }

    private static float[][] ofGroup(Policy reference, PromptRollout rollout, double temperature) {
        int[] prompt = rollout.spec().promptTokens();
        List<RolloutSample> samples = rollout.samples();
        int[][] sequences = new int[samples.size()][];
        for (int s = 0; s < sequences.length; s++) {
            int[] generated = samples.get(s).tokens();
            sequences[s] = new int[prompt.length + generated.length];
            System.arraycopy(prompt, 0, sequences[s], 0, prompt.length);
            System.arraycopy(generated, 0, sequences[s], prompt.length, generated.length);
        }
        float[][] group = new float[samples.size()][];
        try (NDManager m = reference.manager().newSubManager()) {
            float[] flat = reference.score(m, sequences, temperature).logProbs().toFloatArray(); // (B, T-1)
            int width = flat.length / sequences.length;
            for (int s = 0; s < sequences.length; s++) {
                boolean[] policy = samples.get(s).policyMask();
                group[s] = new float[policy.length];
                for (int i = 0; i < policy.length; i++) {
                    // generated token i sits at sequence index prompt.length + i, scored at the position before it
                    group[s][i] = policy[i] ? flat[s * width + prompt.length + i - 1] : 0f;
                }
            }
        }
        return group;
    }
}
