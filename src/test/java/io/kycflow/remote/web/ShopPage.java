package io.kycflow.remote.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpServer;

/**
 * An integrator's page on another origin than kycflow's: {@code http://127.0.0.1:<port>} (kycflow runs on
 * {@code http://localhost:<port>}, another site to the browser). It loads the Flow Widget's script from kycflow, mounts
 * the session named by {@code ?session=} and records every callback and {@code finish} event in {@code window.__events}.
 * It also posts a forged kycflow message to itself, which the widget must ignore (wrong origin, wrong source).
 */
final class ShopPage implements AutoCloseable {

    private final HttpServer server;

    ShopPage(int kycflowPort) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var html = PAGE.replace("KYCFLOW", "http://localhost:" + kycflowPort).getBytes(StandardCharsets.UTF_8);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            if (!exchange.getRequestURI().getPath().equals("/checkout")) {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, html.length);
            try (var body = exchange.getResponseBody()) {
                body.write(html);
            }
        });
        server.start();
    }

    /** This page's origin, as a browser reports it. */
    String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    String url(String session, String locale) {
        return origin() + "/checkout?session=" + session + "&locale=" + locale;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static final String PAGE = """
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Example shop: checkout</title>
            <style>body{font-family:system-ui,sans-serif;margin:0;background:#f4f4f6;color:#1b1b1f}
            header{background:#24324a;color:#fff;padding:12px 16px}main{max-width:640px;margin:0 auto;padding:16px}
            #kyc{background:#fff;border-radius:8px;overflow:hidden}</style>
            <script src="KYCFLOW/widget/v1/kycflow.js"></script>
            </head>
            <body>
            <header><p>Example shop</p></header>
            <main>
            <h1>Confirm your identity to finish your order</h1>
            <div id="kyc"></div>
            </main>
            <script>
            window.__events = [];
            var params = new URLSearchParams(location.search);
            function record(name) { return function (detail) { window.__events.push(name + ' ' + JSON.stringify(detail)); }; }
            window.addEventListener('finish', function (event) { window.__events.push('finish ' + JSON.stringify(event.detail)); });
            window.__widget = FlowWidget.startSession({ id: params.get('session'), selector: '#kyc', locale: params.get('locale'),
              onStarted: record('onStarted'), onStepCompleted: record('onStepCompleted'), onFinished: record('onFinished'),
              onFailed: record('onFailed'), onClosed: record('onClosed') });
            // a forgery: the right shape from the wrong origin and window; the widget must drop it
            window.postMessage({ source: 'kycflow', event: 'finished', session_id: params.get('session'), status: 'FINISHED' }, '*');
            </script>
            </body>
            </html>
            """;
}
