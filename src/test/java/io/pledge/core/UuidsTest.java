package io.pledge.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UuidsTest {

    @Test
    void version7WithTheMillisecondsFirst() {
        long millis = 1_795_000_000_123L; // 2026-11-18T11:06:40.123Z
        UUID id = Uuids.timeOrdered(millis);

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(millis);
        assertThat(id.toString()).startsWith(String.format("%08x-%04x-7", millis >>> 16, millis & 0xFFFF));
    }

    @Test
    void laterIdsSortAfterEarlierOnesAsTheDatabasesCompareThem() {
        List<UUID> ids = new ArrayList<>();
        for (long millis = 1_000; millis < 1_000_000_000_000L; millis = millis * 3 + 7) {
            ids.add(Uuids.timeOrdered(millis));
        }
        // Both databases order uuids by their bytes, unsigned: as their text, digit by digit.
        assertThat(ids.stream().map(UUID::toString).toList()).isSorted();
    }

    @Test
    void idsOfTheSameMillisecondDiffer() {
        HashSet<UUID> ids = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            ids.add(Uuids.timeOrdered(42));
        }
        assertThat(ids).hasSize(100_000);
    }

    @Test
    void theCurrentTimeIsUsed() {
        long before = System.currentTimeMillis();
        UUID id = Uuids.timeOrdered();
        long after = System.currentTimeMillis();

        assertThat(id.getMostSignificantBits() >>> 16).isBetween(before, after);
    }
}
