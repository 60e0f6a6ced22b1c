package io.cleave.train.config;

/**
 * A training configuration that cannot be used: an unknown key, a value outside its range, a YAML syntax error.
 * The message is one line that names the key, the value and where it came from (file and line, {@code --set}, or
 * an override), so a command line can print it as is.
 */
public final class ConfigException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** An error with a complete, one-line message. */
    public ConfigException(String message) {
        super(message);
    }

    /** {@code KEY = 'VALUE' (ORIGIN): DETAIL}, for a value its key does not accept. */
    static ConfigException badValue(String key, ConfigValue value, String detail) {
        return new ConfigException(key + " = '" + value.text() + "' (" + value.origin() + "): " + detail);
    }
}
