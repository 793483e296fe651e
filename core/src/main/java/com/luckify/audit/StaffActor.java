package com.luckify.audit;

/** The staff member behind an action, as the audit log records them; {@code ip} is the client's address. */
public record StaffActor(long staffId, String name, String ip) {
}
