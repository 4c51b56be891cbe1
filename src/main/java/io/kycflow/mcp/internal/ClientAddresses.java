package io.kycflow.mcp.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The client address a rate limit applies to: the socket peer, unless that peer is a configured trusted proxy,
 * in which case the right-most untrusted address of {@code X-Forwarded-For}. Never trusts the header by default.
 */
public final class ClientAddresses {

    private final List<Cidr> trusted;

    public ClientAddresses(List<String> trustedProxies) {
        this.trusted = trustedProxies.stream().map(Cidr::parse).toList();
    }

    public String of(HttpServletRequest request) {
        var peer = request.getRemoteAddr();
        if (trusted.isEmpty() || !isTrusted(peer)) {
            return peer;
        }
        var forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded == null) {
            return peer;
        }
        var hops = forwarded.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            var hop = hops[i].strip();
            if (!hop.isEmpty() && !isTrusted(hop)) {
                return hop;
            }
        }
        return peer;
    }

    private boolean isTrusted(String address) {
        return trusted.stream().anyMatch(cidr -> cidr.contains(address));
    }

    record Cidr(byte[] network, int prefix) {

        static Cidr parse(String text) {
            var parts = text.strip().split("/");
            var address = literal(parts[0]);
            if (address == null) {
                throw new IllegalArgumentException("kycflow.mcp.rate-limit.trusted-proxies: not an IP address: " + text);
            }
            int prefix;
            try {
                prefix = parts.length > 1 ? Integer.parseInt(parts[1].strip()) : address.length * 8;
            } catch (NumberFormatException e) {
                prefix = -1;
            }
            if (parts.length > 2 || prefix < 0 || prefix > address.length * 8) {
                throw new IllegalArgumentException("kycflow.mcp.rate-limit.trusted-proxies: bad prefix length in " + text);
            }
            return new Cidr(address, prefix);
        }

        boolean contains(String text) {
            var address = literal(text);
            if (address == null || address.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >> (bit % 8);
                if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }

        /** Parses IP literals only; never resolves host names. */
        private static byte[] literal(String text) {
            var bare = text.replace("[", "").replace("]", "");
            boolean ipv4 = bare.matches("\\d{1,3}(\\.\\d{1,3}){3}");
            boolean ipv6 = bare.contains(":") && bare.matches("[0-9a-fA-F:.]+");
            if (!ipv4 && !ipv6) {
                return null;
            }
            try {
                return InetAddress.getByName(bare).getAddress();
            } catch (UnknownHostException e) {
                return null;
            }
        }
    }
}
