package org.wangwu.server.dashboards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wangwu.server.support.Api.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.DecoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wangwu.dashboards.province.ProvinceAnswers;
import org.wangwu.platform.time.PlatformClock;
import org.wangwu.server.support.Api;
import org.wangwu.server.support.Territories;

/**
 * A province's answers are read once and sent to every viewer for a while: the same ETag and figures until
 * the answer is older than the kept time, then the new figures; a viewer that has the answer gets 304; and
 * a viewer of another province, asking the same question, never gets this province's answer.
 */
@QuarkusTest
class ProvinceAnswersTest {

    static final String OVERVIEW = "/api/v1/provinces/41/overview?from=2024-03&to=2024-03";
    static final String NOTICES = "modules.table.find { it.module == 'noticeboard' }.rows"
            + ".find { it.place == null && it.period == '2024-03' }.figures.notices-posted.value";

    @Inject
    ProvinceAnswers answers;

    @Inject
    PlatformClock clock;

    private static boolean seeded;

    @BeforeEach
    void seed() {
        Territories.seedTwoCounties();
        if (!seeded) {
            Facts.flow(Api.JIYUAN, "notices-posted", "2024-03-05", "", "", 20);
            seeded = true;
        }
    }

    @AfterEach
    void keepNothingAgain() {
        answers.keepFor(Duration.ZERO);
        clock.reset();
    }

    @org.junit.jupiter.api.AfterAll
    static void undoFacts() {
        Facts.undo();
        seeded = false;
    }

    @Test
    void anAnswerIsKeptForItsTimeThenReadAgain() {
        answers.keepFor(Duration.ofSeconds(60));
        Response first = as("henan-viewer").get(OVERVIEW);
        first.then().statusCode(200).header("Cache-Control", "private, max-age=60");
        String etag = first.header("ETag");
        assertNotNull(etag);
        assertNotNull(first.header("Last-Modified"));
        int before = first.jsonPath().getInt(NOTICES);

        // New facts within the kept time: every viewer gets the answer as it was read.
        Facts.flow(Api.JIYUAN, "notices-posted", "2024-03-06", "", "", 7);
        clock.advance(Duration.ofSeconds(30));
        Response kept = as("henan-viewer").get(OVERVIEW);
        kept.then().statusCode(200);
        assertEquals(etag, kept.header("ETag"));
        assertEquals(before, kept.jsonPath().getInt(NOTICES));
        int maxAge = Integer.parseInt(kept.header("Cache-Control").replace("private, max-age=", ""));
        assertTrue(maxAge <= 30, "what is left of the kept time: " + kept.header("Cache-Control"));
        // Zhejiang's viewer asking for the same months is refused Henan, and reads its own province.
        as("zhejiang-viewer").get(OVERVIEW).then().statusCode(403);
        as("zhejiang-viewer").get("/api/v1/provinces/33/overview?from=2024-03&to=2024-03").then().statusCode(200);

        // Older than the kept time: read again, with the new figures.
        clock.advance(Duration.ofSeconds(31));
        Response fresh = as("henan-viewer").get(OVERVIEW);
        fresh.then().statusCode(200);
        assertNotEquals(etag, fresh.header("ETag"));
        assertEquals(before + 7, fresh.jsonPath().getInt(NOTICES));
    }

    @Test
    void aViewerThatHasTheAnswerGets304AndEachDownloadIsKeptApart() {
        Response first = as("henan-viewer").get(OVERVIEW);
        first.then().statusCode(200);
        as("henan-viewer").header("If-None-Match", first.header("ETag")).get(OVERVIEW).then().statusCode(304)
                .header("ETag", first.header("ETag"));
        as("henan-viewer").header("If-None-Match", "\"something-else\"").get(OVERVIEW).then().statusCode(200);
        // The same answer gzipped for a viewer that takes gzip (RestAssured asks for it, as browsers do), plain for
        // one that does not, each with its own ETag.
        assertEquals("gzip", first.header("Content-Encoding"));
        RestAssuredConfig raw = RestAssured.config().decoderConfig(DecoderConfig.decoderConfig().noContentDecoders());
        Response plain = as("henan-viewer").config(raw).get(OVERVIEW);
        plain.then().statusCode(200).contentType("application/json");
        assertEquals(null, plain.header("Content-Encoding"));
        assertNotEquals(first.header("ETag"), plain.header("ETag"));
        assertEquals(first.jsonPath().getInt(NOTICES), plain.jsonPath().getInt(NOTICES));
        byte[] zipped = as("henan-viewer").config(raw).header("Accept-Encoding", "gzip").get(OVERVIEW).asByteArray();
        assertTrue(zipped.length > 2 && zipped[0] == (byte) 0x1f && zipped[1] == (byte) 0x8b, "gzip bytes");

        answers.keepFor(Duration.ofSeconds(60));
        String export = "/api/v1/provinces/41/overview/export?from=2024-03&to=2024-03&format=";
        as("henan-viewer").get(export + "csv").then().statusCode(200).contentType("text/csv")
                .header("Content-Disposition", "attachment; filename=\"overview-41.csv\"");
        as("henan-viewer").get(export + "xlsx").then().statusCode(200)
                .contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .header("Content-Disposition", "attachment; filename=\"overview-41.xlsx\"");
        as("henan-viewer").get(export + "pdf").then().statusCode(422).contentType("application/problem+json");
        as("henan-viewer").get(OVERVIEW).then().statusCode(200).contentType("application/json");
    }

    @Test
    void viewersAskingAtOnceShareOneReadAndAFailedReadIsNotKept() throws Exception {
        answers.keepFor(Duration.ofSeconds(60));
        List<Object> key = List.of("test", "single-read");
        AtomicInteger reads = new AtomicInteger();
        CompletableFuture<byte[]> figures = new CompletableFuture<>();
        Supplier<Uni<byte[]>> read = () -> {
            reads.incrementAndGet();
            return Uni.createFrom().completionStage(figures);
        };
        var first = answers.answer(key, "application/json", read).subscribeAsCompletionStage();
        var second = answers.answer(key, "application/json", read).subscribeAsCompletionStage();
        assertEquals(1, reads.get(), "the second viewer waits for the first one's read");
        figures.complete("{\"n\":1}".getBytes(StandardCharsets.UTF_8));
        assertEquals(first.get(5, TimeUnit.SECONDS).etag(),
                second.get(5, TimeUnit.SECONDS).etag());
        answers.answer(key, "application/json", read).subscribeAsCompletionStage().get(5, TimeUnit.SECONDS);
        assertEquals(1, reads.get(), "kept after the read");

        List<Object> failing = List.of("test", "failing-read");
        AtomicInteger tries = new AtomicInteger();
        Supplier<Uni<byte[]>> broken = () -> {
            tries.incrementAndGet();
            return Uni.createFrom().failure(new IllegalStateException("database gone"));
        };
        for (int i = 0; i < 2; i++) {
            var failed = answers.answer(failing, "application/json", broken).subscribeAsCompletionStage();
            assertTrue(assertThrows(ExecutionException.class,
                    () -> failed.get(5, TimeUnit.SECONDS)).getCause() instanceof IllegalStateException);
        }
        assertEquals(2, tries.get(), "a failed read is not kept: the next viewer reads again");
    }
}
