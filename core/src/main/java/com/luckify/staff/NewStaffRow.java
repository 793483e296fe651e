package com.luckify.staff;

/** An account to insert; MyBatis sets {@code id}. */
final class NewStaffRow {

    Long id;
    final String username;
    final String passwordHash;
    final String displayName;
    final String oidcSubject;

    NewStaffRow(String username, String passwordHash, String displayName, String oidcSubject) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.displayName = displayName;
        this.oidcSubject = oidcSubject;
    }
}
