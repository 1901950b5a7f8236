package org.wangwu.server.faults;

import static io.restassured.RestAssured.given;

/** Waits for the app's readiness after a fault; the caller asserts on what it answers then, never on how long it took. */
final class Readiness {

    private Readiness() {
    }

    /** Polls /q/health/ready for up to two minutes; returns the last status code. */
    static int await() {
        long deadline = System.nanoTime() + 120_000_000_000L;
        int status = 0;
        while (System.nanoTime() < deadline) {
            status = given().get("/q/health/ready").statusCode();
            if (status == 200) {
                return status;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return status;
            }
        }
        return status;
    }
}
