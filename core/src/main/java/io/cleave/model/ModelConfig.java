package io.cleave.model;

import java.util.List;
import java.util.Map;

/**
 * Architecture of a Llama/Qwen2-style decoder-only Transformer. Field names follow Hugging Face's
 * {@code config.json} so that a model directory written by Cleave is also a valid Hugging Face directory.
 *
 * <p>Derived sizes: head dimension {@code D = hiddenSize / numAttentionHeads}; key/value projections have
 * {@code numKeyValueHeads * D} outputs (grouped-query attention, {@code numAttentionHeads % numKeyValueHeads == 0}).
 *
 * @param vocabSize rows of the embedding and of the output head, {@code V}
 * @param hiddenSize model width {@code C}
 * @param numHiddenLayers number of decoder layers
 * @param numAttentionHeads query heads {@code H}
 * @param numKeyValueHeads key/value heads {@code Hkv}
 * @param intermediateSize SwiGLU inner width
 * @param maxPositionEmbeddings longest sequence (prompt plus generation) the model accepts
 * @param ropeTheta base of the rotary frequencies
 * @param rmsNormEps epsilon inside RMSNorm
 * @param attentionBias whether q/k/v projections carry a bias (Qwen2: true; Llama: false)
 * @param tieWordEmbeddings whether the output head reuses the embedding matrix
 */
public record ModelConfig(
        int vocabSize,
        int hiddenSize,
        int numHiddenLayers,
        int numAttentionHeads,
        int numKeyValueHeads,
        int intermediateSize,
        int maxPositionEmbeddings,
        double ropeTheta,
        double rmsNormEps,
        boolean attentionBias,
        boolean tieWordEmbeddings) {

    /** Preset names accepted by {@link #preset(String, int)}. */
    public static final List<String> PRESETS = List.of("tiny", "small", "medium");

    private static final double DEFAULT_ROPE_THETA = 10000.0;
    private static final double DEFAULT_RMS_EPS = 1e-6;

    /** Validates every field; messages name the field. */
    public ModelConfig {
        positive("vocab_size", vocabSize);
        positive("hidden_size", hiddenSize);
        positive("num_hidden_layers", numHiddenLayers);
        positive("num_attention_heads", numAttentionHeads);
        positive("num_key_value_heads", numKeyValueHeads);
        positive("intermediate_size", intermediateSize);
        positive("max_position_embeddings", maxPositionEmbeddings);
        if (hiddenSize % numAttentionHeads != 0) {
            throw new IllegalArgumentException("hidden_size (" + hiddenSize
                    + ") must be divisible by num_attention_heads (" + numAttentionHeads + ")");
        }
        if (numAttentionHeads % numKeyValueHeads != 0) {
            throw new IllegalArgumentException("num_attention_heads (" + numAttentionHeads
                    + ") must be divisible by num_key_value_heads (" + numKeyValueHeads + ")");
        }
        if ((hiddenSize / numAttentionHeads) % 2 != 0) {
            throw new IllegalArgumentException("head dimension hidden_size/num_attention_heads must be even for "
                    + "rotary embedding, got " + hiddenSize / numAttentionHeads);
        }
        if (!(ropeTheta > 0)) {
            throw new IllegalArgumentException("rope_theta must be > 0, got " + ropeTheta);
        }
        if (!(rmsNormEps > 0 && rmsNormEps < 1)) {
            throw new IllegalArgumentException("rms_norm_eps must be in (0, 1), got " + rmsNormEps);
        }
    }

    /**
     * A named preset: {@code tiny} (~80K parameters, for tests), {@code small} (~2.8M, for demos) or
     * {@code medium} (~25M, for throughput benchmarks).
     *
     * @param name one of {@link #PRESETS}
     * @param vocabSize vocabulary of the tokenizer the model will use
     */
    public static ModelConfig preset(String name, int vocabSize) {
        return switch (name) {
            case "tiny" -> new ModelConfig(vocabSize, 64, 2, 4, 2, 128, 512, DEFAULT_ROPE_THETA, DEFAULT_RMS_EPS,
                    false, true);
            case "small" -> new ModelConfig(vocabSize, 256, 4, 8, 4, 640, 1024, DEFAULT_ROPE_THETA,
                    DEFAULT_RMS_EPS, false, true);
            case "medium" -> new ModelConfig(vocabSize, 512, 8, 8, 4, 1536, 1024, DEFAULT_ROPE_THETA,
                    DEFAULT_RMS_EPS, false, true);
            default -> throw new IllegalArgumentException("unknown preset '" + name + "'; known presets: " + PRESETS);
        };
    }

    /** Dimension of one attention head, {@code D}. */
    public int headDim() {
        return hiddenSize / numAttentionHeads;
    }

    /** Number of trainable parameters. */
    public long parameterCount() {
        long d = headDim();
        long attention = (long) hiddenSize * numAttentionHeads * d * 2 + (long) hiddenSize * numKeyValueHeads * d * 2;
        if (attentionBias) {
            attention += numAttentionHeads * d + 2L * numKeyValueHeads * d;
        }
        long mlp = 3L * hiddenSize * intermediateSize;
        long layer = attention + mlp + 2L * hiddenSize;
        long embed = (long) vocabSize * hiddenSize;
        return embed + numHiddenLayers * layer + hiddenSize + (tieWordEmbeddings ? 0 : embed);
    }

    private static void positive(String field, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(field + " must be > 0, got " + value);
        }
    }

    /**
     * Reads the fields of a Hugging Face {@code config.json} (Llama or Qwen2).
     *
     * @param source file name used in error messages
     * @throws IllegalArgumentException naming the file and field for an unsupported architecture or a bad value
     */
    public static ModelConfig fromHuggingFace(Map<String, Object> json, String source) {
        return HfConfigJson.read(json, source);
    }

    /** The Hugging Face {@code config.json} fields for this architecture. */
    public Map<String, Object> toHuggingFace() {
        return HfConfigJson.write(this);
    }
}
