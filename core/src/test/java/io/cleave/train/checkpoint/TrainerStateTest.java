package io.cleave.train.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** trainer_state.json round trip and errors that name the file and the field. */
class TrainerStateTest {

    @Test
    void roundTripsThroughJson() {
        TrainerState state = new TrainerState(20, 19, 18, new DataCursor(3, 2), -7, "00ff00ff00ff00ff");
        String json = state.toJson();
        assertEquals(state, TrainerState.fromJson(json, "trainer_state.json"));
        assertTrue(json.contains("\"data_epoch\": 3"), json);
    }

    @Test
    void missingOrMalformedFieldsNameFileAndField() {
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> TrainerState.fromJson("{\"step\": 1}", "ckpt/trainer_state.json"));
        assertEquals("ckpt/trainer_state.json: missing field optimizer_steps", missing.getMessage());
        IllegalArgumentException fraction = assertThrows(IllegalArgumentException.class,
                () -> TrainerState.fromJson(new TrainerState(1, 1, 1, DataCursor.START, 0, "ab").toJson()
                        .replace("\"step\": 1", "\"step\": 1.5"), "s.json"));
        assertEquals("s.json: field step must be a whole number, got 1.5", fraction.getMessage());
        IllegalArgumentException notJson = assertThrows(IllegalArgumentException.class,
                () -> TrainerState.fromJson("[1, 2]", "s.json"));
        assertEquals("s.json: expected a JSON object", notJson.getMessage());
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> new TrainerState(-1, 0, 0, DataCursor.START, 0, "ab"));
        assertEquals("step must be >= 0, got -1", negative.getMessage());
    }
}
