package org.wangwu.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/** A server running as a child process: awaited over HTTP, stopped with its whole process tree. */
final class ChildProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final String name;
    private final Process process;
    private final Path log;
    private final long launched = System.nanoTime();

    /** @param log where the child writes its output, quoted when it fails; null when it writes to ours */
    ChildProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /** Polls until the URL answers 200; fails early when the process dies. Returns the time since launch. */
    Duration awaitHttpOk(URI url, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(2)).build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw failure(name + " exited with status " + process.exitValue() + " before " + url + " answered");
            }
            try {
                if (answersOk(request)) {
                    return Duration.ofNanos(System.nanoTime() - launched);
                }
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw failure("interrupted while waiting for " + name);
            }
        }
        throw failure(name + " did not answer 200 at " + url + " within " + timeout.toSeconds() + " s");
    }

    private static boolean answersOk(HttpRequest request) throws InterruptedException {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notYet) {
            return false; // connection refused while the server starts
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** SIGTERM to the process and its descendants (kc.sh forks its java), SIGKILL to whatever is left after the grace period. */
    void stop(Duration grace) {
        List<ProcessHandle> tree = Stream.concat(Stream.of(process.toHandle()), process.descendants()).toList();
        tree.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle handle : tree) {
            try {
                handle.onExit().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                System.err.println(name + ": pid " + handle.pid() + " ignored SIGTERM for " + grace.toSeconds() + " s, killing it");
                handle.destroyForcibly();
            } catch (Exception e) {
                handle.destroyForcibly();
            }
        }
    }

    private IllegalStateException failure(String message) {
        return new IllegalStateException(log == null ? message : message + "\nLast lines of " + log + ":\n" + tail(log, 40));
    }

    private static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }
}
