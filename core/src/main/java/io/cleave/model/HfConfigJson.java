package io.cleave.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps between {@link ModelConfig} and the fields of a Hugging Face {@code config.json} for the Llama and Qwen2
 * architectures. Anything else is rejected with the architecture's name.
 */
final class HfConfigJson {

    static final List<String> SUPPORTED_ARCHITECTURES = List.of("LlamaForCausalLM", "Qwen2ForCausalLM");

    private HfConfigJson() {}

    static Map<String, Object> write(ModelConfig c) {
        Map<String, Object> json = new LinkedHashMap<>();
        boolean qwen = c.attentionBias();
        json.put("architectures", List.of(qwen ? "Qwen2ForCausalLM" : "LlamaForCausalLM"));
        json.put("model_type", qwen ? "qwen2" : "llama");
        json.put("vocab_size", c.vocabSize());
        json.put("hidden_size", c.hiddenSize());
        json.put("num_hidden_layers", c.numHiddenLayers());
        json.put("num_attention_heads", c.numAttentionHeads());
        json.put("num_key_value_heads", c.numKeyValueHeads());
        json.put("intermediate_size", c.intermediateSize());
        json.put("max_position_embeddings", c.maxPositionEmbeddings());
        json.put("rope_theta", c.ropeTheta());
        json.put("rms_norm_eps", c.rmsNormEps());
        json.put("attention_bias", c.attentionBias());
        json.put("tie_word_embeddings", c.tieWordEmbeddings());
        json.put("hidden_act", "silu");
        json.put("torch_dtype", "float32");
        return json;
    }

    static ModelConfig read(Map<String, Object> json, String source) {
        Object archs = json.get("architectures");
        String arch = archs instanceof List<?> list && !list.isEmpty() ? String.valueOf(list.get(0)) : null;
        String modelType = json.get("model_type") == null ? null : String.valueOf(json.get("model_type"));
        boolean qwen2 = "Qwen2ForCausalLM".equals(arch) || "qwen2".equals(modelType);
        boolean llama = "LlamaForCausalLM".equals(arch) || "llama".equals(modelType);
        if (!qwen2 && !llama) {
            throw new IllegalArgumentException(source + ": unsupported architecture "
                    + (arch != null ? arch : modelType) + "; supported: " + SUPPORTED_ARCHITECTURES);
        }
        Object act = json.get("hidden_act");
        if (act != null && !"silu".equals(act)) {
            throw new IllegalArgumentException(source + ": unsupported hidden_act '" + act + "' (only silu)");
        }
        int hidden = requiredInt(json, "hidden_size", source);
        int heads = requiredInt(json, "num_attention_heads", source);
        Object headDim = json.get("head_dim");
        if (headDim != null && ((Number) headDim).intValue() != hidden / heads) {
            throw new IllegalArgumentException(source + ": head_dim " + headDim
                    + " differs from hidden_size/num_attention_heads, which is not supported");
        }
        try {
            return build(json, source, hidden, heads, qwen2);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
    }

    private static ModelConfig build(Map<String, Object> json, String source, int hidden, int heads, boolean qwen2) {
        return new ModelConfig(
                requiredInt(json, "vocab_size", source),
                hidden,
                requiredInt(json, "num_hidden_layers", source),
                heads,
                json.containsKey("num_key_value_heads") ? requiredInt(json, "num_key_value_heads", source) : heads,
                requiredInt(json, "intermediate_size", source),
                requiredInt(json, "max_position_embeddings", source),
                number(json, "rope_theta", 10000.0),
                number(json, "rms_norm_eps", 1e-6),
                json.containsKey("attention_bias") ? Boolean.TRUE.equals(json.get("attention_bias")) : qwen2,
                !json.containsKey("tie_word_embeddings") || Boolean.TRUE.equals(json.get("tie_word_embeddings")));
    }

    private static int requiredInt(Map<String, Object> json, String key, String source) {
        Object v = json.get(key);
        if (!(v instanceof Number n)) {
            throw new IllegalArgumentException(source + ": missing or non-numeric field '" + key + "'");
        }
        return n.intValue();
    }

    private static double number(Map<String, Object> json, String key, double fallback) {
        Object v = json.get(key);
        return v instanceof Number n ? n.doubleValue() : fallback;
    }
}
