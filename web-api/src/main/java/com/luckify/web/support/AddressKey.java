package com.luckify.web.support;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;

/**
 * The key a client address is budgeted under: an IPv4 address as itself, an IPv6 address as its /64 prefix. A home or
 * phone connection gets a whole /64 (often larger) from its provider and picks addresses in it at will, privacy
 * extensions even change them by themselves, so one caller can show up as 2^64 addresses of one /64; per address,
 * such a caller would never meet a budget. An IPv4-mapped IPv6 address ({@code ::ffff:a.b.c.d}) is its IPv4 address.
 */
final class AddressKey {

    private static final int PREFIX_BYTES = 8;
    /** What an IPv6 literal is made of; anything else is never handed to {@link InetAddress}, which would look it up. */
    private static final java.util.regex.Pattern IPV6_LITERAL = java.util.regex.Pattern.compile("[0-9A-Fa-f:.]+");

    private AddressKey() {
    }

    /** {@code address} as the servlet container reports it (a literal, never a name to look up). */
    static String of(String address) {
        if (address == null || address.indexOf(':') < 0) {
            return address;
        }
        String literal = stripZone(address);
        if (!IPV6_LITERAL.matcher(literal).matches()) {
            return address;
        }
        InetAddress parsed;
        try {
            // only hex digits, colons and dots: parsed as a literal, never resolved (no DNS lookup happens here)
            parsed = InetAddress.getByName(literal);
        } catch (UnknownHostException | SecurityException e) {
            return address;
        }
        if (!(parsed instanceof Inet6Address)) {
            return parsed.getHostAddress();
        }
        byte[] prefix = new byte[PREFIX_BYTES];
        System.arraycopy(parsed.getAddress(), 0, prefix, 0, PREFIX_BYTES);
        return HexFormat.of().formatHex(prefix) + "::/64";
    }

    private static String stripZone(String address) {
        int zone = address.indexOf('%');
        String bare = zone < 0 ? address : address.substring(0, zone);
        return bare.startsWith("[") && bare.endsWith("]") ? bare.substring(1, bare.length() - 1) : bare;
    }
}
