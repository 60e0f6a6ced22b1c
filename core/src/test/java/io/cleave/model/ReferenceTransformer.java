package io.cleave.model;

import java.util.Map;

/**
 * An independent forward pass in plain Java loops and double precision, written from the Llama/Qwen2 equations
 * (not from Cleave's DJL code): embedding, pre-norm RMSNorm, rotate_half RoPE, grouped-query causal attention,
 * SwiGLU, final norm, tied or separate head. Returns logits {@code [T][V]} for one sequence.
 */
final class ReferenceTransformer {

    private final ModelConfig c;
    private final Map<String, float[]> w;

    ReferenceTransformer(ModelConfig config, Map<String, float[]> weights) {
        this.c = config;
        this.w = weights;
    }

    double[][] logits(int[] tokens) {
        int t = tokens.length;
        int h = c.hiddenSize();
        int d = c.headDim();
        double[][] x = new double[t][h];
        float[] embed = w.get("model.embed_tokens.weight");
        for (int i = 0; i < t; i++) {
            for (int j = 0; j < h; j++) {
                x[i][j] = embed[tokens[i] * h + j];
            }
        }
        for (int l = 0; l < c.numHiddenLayers(); l++) {
            String p = "model.layers." + l + ".";
            double[][] n = norm(x, w.get(p + "input_layernorm.weight"));
            double[][] q = linear(n, p + "self_attn.q_proj", c.numAttentionHeads() * d);
            double[][] k = linear(n, p + "self_attn.k_proj", c.numKeyValueHeads() * d);
            double[][] v = linear(n, p + "self_attn.v_proj", c.numKeyValueHeads() * d);
            rope(q, c.numAttentionHeads());
            rope(k, c.numKeyValueHeads());
            double[][] ctx = new double[t][c.numAttentionHeads() * d];
            int group = c.numAttentionHeads() / c.numKeyValueHeads();
            for (int head = 0; head < c.numAttentionHeads(); head++) {
                int kv = head / group;
                for (int i = 0; i < t; i++) {
                    double[] s = new double[i + 1];
                    double max = Double.NEGATIVE_INFINITY;
                    for (int j = 0; j <= i; j++) {
                        double dot = 0;
                        for (int e = 0; e < d; e++) {
                            dot += q[i][head * d + e] * k[j][kv * d + e];
                        }
                        s[j] = dot / Math.sqrt(d);
                        max = Math.max(max, s[j]);
                    }
                    double z = 0;
                    for (int j = 0; j <= i; j++) {
                        s[j] = Math.exp(s[j] - max);
                        z += s[j];
                    }
                    for (int j = 0; j <= i; j++) {
                        for (int e = 0; e < d; e++) {
                            ctx[i][head * d + e] += s[j] / z * v[j][kv * d + e];
                        }
                    }
                }
            }
            add(x, linear(ctx, p + "self_attn.o_proj", h));
            double[][] n2 = norm(x, w.get(p + "post_attention_layernorm.weight"));
            double[][] gate = linear(n2, p + "mlp.gate_proj", c.intermediateSize());
            double[][] up = linear(n2, p + "mlp.up_proj", c.intermediateSize());
            for (int i = 0; i < t; i++) {
                for (int j = 0; j < c.intermediateSize(); j++) {
                    double g = gate[i][j];
                    gate[i][j] = g / (1 + Math.exp(-g)) * up[i][j];
                }
            }
            add(x, linear(gate, p + "mlp.down_proj", h));
        }
        double[][] n = norm(x, w.get("model.norm.weight"));
        String head = c.tieWordEmbeddings() ? "model.embed_tokens" : "lm_head";
        return linear(n, head, c.vocabSize());
    }

    private double[][] norm(double[][] x, float[] g) {
        double[][] out = new double[x.length][x[0].length];
        for (int i = 0; i < x.length; i++) {
            double ms = 0;
            for (double v : x[i]) {
                ms += v * v;
            }
            double inv = 1 / Math.sqrt(ms / x[i].length + c.rmsNormEps());
            for (int j = 0; j < x[i].length; j++) {
                out[i][j] = x[i][j] * inv * g[j];
            }
        }
        return out;
    }

    private double[][] linear(double[][] x, String name, int out) {
        float[] weight = w.get(name + ".weight");
        float[] bias = w.get(name + ".bias");
        int in = x[0].length;
        double[][] y = new double[x.length][out];
        for (int i = 0; i < x.length; i++) {
            for (int o = 0; o < out; o++) {
                double s = bias == null ? 0 : bias[o];
                for (int e = 0; e < in; e++) {
                    s += x[i][e] * weight[o * in + e];
                }
                y[i][o] = s;
            }
        }
        return y;
    }

    private void rope(double[][] x, int heads) {
        int d = c.headDim();
        int half = d / 2;
        for (int pos = 0; pos < x.length; pos++) {
            for (int head = 0; head < heads; head++) {
                int base = head * d;
                double[] rotated = new double[d];
                for (int i = 0; i < half; i++) {
                    double angle = pos / Math.pow(c.ropeTheta(), 2.0 * i / d);
                    double cos = Math.cos(angle);
                    double sin = Math.sin(angle);
                    double a = x[pos][base + i];
                    double b = x[pos][base + i + half];
                    rotated[i] = a * cos - b * sin;
                    rotated[i + half] = b * cos + a * sin;
                }
                System.arraycopy(rotated, 0, x[pos], base, d);
            }
        }
    }

    private static void add(double[][] x, double[][] y) {
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x[i].length; j++) {
                x[i][j] += y[i][j];
            }
        }
    }
}
