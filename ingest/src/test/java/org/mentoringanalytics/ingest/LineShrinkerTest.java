package org.mentoringanalytics.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LineShrinkerTest {

    @Test
    void keepsTheHeaderAndTheOneLineThatFailsCutToWhereItStillFails() {
        List<String> file = List.of("h1,h2", "a,1", "b,pigeon,x", "c,3", "d,4");
        AtomicInteger tries = new AtomicInteger();
        List<String> shrunk = LineShrinker.shrink(file, lines -> {
            tries.incrementAndGet();
            return lines.get(0).equals("h1,h2") && lines.stream().anyMatch(l -> l.contains("pig"));
        });
        assertThat(shrunk).containsExactly("h1,h2", "b,pig");
        assertThat(tries.get()).isLessThan(40);
    }

    @Test
    void aFailureNeedingTwoLinesKeepsBoth() {
        List<String> file = List.of("h", "x", "a", "y", "b", "z");
        List<String> shrunk = LineShrinker.shrink(file, lines -> lines.contains("a") && lines.contains("b"));
        assertThat(shrunk).containsExactly("h", "a", "b");
    }
}
