package org.wangwu.server.webhook;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.wangwu.platform.webhook.SignedPost;

/**
 * A third party's app receiving webhooks, on 127.0.0.1 (the only place test traffic goes), recording
 * every request and answering as told: a status, a redirect, or hanging until it is stopped.
 */
final class Receiver implements AutoCloseable {

    /** What the receiving app saw. */
    record Request(String path, String delivery, String signature, String body) {
    }

    /** How the app answers a request. */
    interface Behaviour {
        void answer(HttpExchange exchange, int nth) throws IOException;
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final CountDownLatch stopped = new CountDownLatch(1);
    final List<Request> requests = new CopyOnWriteArrayList<>();

    private Receiver(Behaviour behaviour) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(threads);
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            requests.add(new Request(exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst(SignedPost.DELIVERY_HEADER),
                    exchange.getRequestHeaders().getFirst(SignedPost.SIGNATURE_HEADER),
                    new String(body, StandardCharsets.UTF_8)));
            try {
                behaviour.answer(exchange, requests.size());
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    static Receiver answering(Behaviour behaviour) {
        return new Receiver(behaviour);
    }

    static Receiver answering(int status) {
        return new Receiver((exchange, nth) -> exchange.sendResponseHeaders(status, -1));
    }

    /** A receiver that takes the connection and never answers: the sender's timeout ends each attempt. */
    static Receiver hanging() {
        Receiver[] self = new Receiver[1];
        self[0] = new Receiver((exchange, nth) -> {
            try {
                self[0].stopped.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        return self[0];
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    long countOf(String delivery) {
        return requests.stream().filter(r -> delivery.equals(r.delivery())).count();
    }

    @Override
    public void close() {
        stopped.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}
