package io.kycflow.verification.internal.edocument;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.List;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.kycflow.verification.internal.SyntheticCaptures;

/**
 * A government e-document gateway on a local JDK HttpServer, answering per the contract in
 * docs/integration/e-document-gateway.md: each request takes the next scripted answer (the last one repeats), and
 * what was asked is recorded.
 */
public final class FakeGateway implements AutoCloseable {

    /** One scripted answer: an HTTP status and body, or a pause longer than the client's read timeout. */
    public record Answer(int status, String body, long delayMillis) {
    }

    public record Asked(String path, String authorization, String requestId, String body) {
    }

    private final HttpServer server;
    private final Queue<Answer> script = new ConcurrentLinkedQueue<>();
    private volatile Answer last = ok("900101300001");
    public final List<Asked> asked = new CopyOnWriteArrayList<>();

    public FakeGateway() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.createContext("/", this::answer);
        server.start();
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/gateway/");
    }

    /** The answers to the next requests, replacing any not yet given. */
    public FakeGateway then(Answer... answers) {
        script.clear();
        script.addAll(List.of(answers));
        return this;
    }

    public static Answer ok(String iin) {
        var photo = Base64.getEncoder().encodeToString(SyntheticCaptures.face());
        return new Answer(200, """
                {"document_type":"IdentityCard","document_number":"043210987","surname":"NURLANOVA","given_names":"ASEL",
                 "birth_date":"1990-01-01","expiry_date":"2031-05-04","iin":"%s",
                 "photo":{"content_type":"image/png","data":"%s"}}""".formatted(iin, photo), 0);
    }

    public static Answer status(int status, String body) {
        return new Answer(status, body, 0);
    }

    public static Answer slow(long millis) {
        return new Answer(200, "{}", millis);
    }

    private void answer(HttpExchange exchange) throws IOException {
        var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        asked.add(new Asked(exchange.getRequestURI().getPath(), exchange.getRequestHeaders().getFirst("Authorization"),
                exchange.getRequestHeaders().getFirst("X-Request-Id"), body));
        var answer = script.poll();
        if (answer == null) {
            answer = last;
        } else {
            last = answer;
        }
        try {
            if (answer.delayMillis() > 0) {
                Thread.sleep(answer.delayMillis());
            }
            var bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
        } catch (InterruptedException | IOException e) {
            // the client gave up (timeout): nothing to answer
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
