package com.luckify.staff;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
interface StaffMapper {

    @Select("SELECT id, username, password_hash, display_name, enabled, locked_until, last_login_time, oidc_issuer, oidc_subject"
            + " FROM staff_account WHERE username = #{username}")
    StaffRow byUsername(String username);

    @Select("SELECT id, username, password_hash, display_name, enabled, locked_until, last_login_time, oidc_issuer, oidc_subject"
            + " FROM staff_account WHERE oidc_subject = #{subject}"
            + " AND (oidc_issuer = #{issuer} OR (#{viaConfiguredIssuer} AND oidc_issuer = ''))"
            + " ORDER BY oidc_issuer = '' LIMIT 1")
    StaffRow byOidcIdentity(@Param("issuer") String issuer, @Param("subject") String subject,
            @Param("viaConfiguredIssuer") boolean viaConfiguredIssuer);

    @Select("SELECT id, username, password_hash, display_name, enabled, locked_until, last_login_time, oidc_issuer, oidc_subject"
            + " FROM staff_account WHERE id = #{id}")
    StaffRow byId(long id);

    @Select("SELECT id, username, password_hash, display_name, enabled, locked_until, last_login_time, oidc_issuer, oidc_subject"
            + " FROM staff_account ORDER BY id")
    List<StaffRow> all();

    @Select("SELECT role FROM staff_role WHERE staff_id = #{staffId} ORDER BY role")
    List<StaffRole> roles(long staffId);

    @Select("SELECT COUNT(*) FROM staff_role r JOIN staff_account a ON a.id = r.staff_id"
            + " WHERE r.role = 'ADMIN' AND a.enabled = 1")
    int countEnabledAdmins();

    @Insert("INSERT INTO staff_account (username, password_hash, display_name, oidc_subject)"
            + " VALUES (#{row.username}, #{row.passwordHash}, #{row.displayName}, #{row.oidcSubject})")
    @Options(useGeneratedKeys = true, keyProperty = "row.id")
    void insert(@Param("row") NewStaffRow row);

    @Insert("INSERT INTO staff_role (staff_id, role) VALUES (#{staffId}, #{role})")
    void grant(@Param("staffId") long staffId, @Param("role") StaffRole role);

    @Update("DELETE FROM staff_role WHERE staff_id = #{staffId}")
    void revokeAll(long staffId);

    @Update("UPDATE staff_account SET enabled = #{enabled} WHERE id = #{id}")
    int setEnabled(@Param("id") long id, @Param("enabled") boolean enabled);

    /**
     * One more failure, and the lock when it reaches the limit: one statement, so concurrent wrong guesses all
     * count (a read-then-write would lose some of them).
     */
    // locked_until first: MySQL and MariaDB assign left to right, so it still sees the old count
    @Update("UPDATE staff_account SET"
            + " locked_until = CASE WHEN failed_attempts + 1 >= #{max} THEN #{lockUntil} ELSE locked_until END,"
            + " failed_attempts = failed_attempts + 1 WHERE id = #{id}")
    void recordFailure(@Param("id") long id, @Param("max") int maxFailures, @Param("lockUntil") Instant lockUntil);

    @Update("UPDATE staff_account SET failed_attempts = 0, locked_until = NULL, last_login_time = #{now} WHERE id = #{id}")
    void recordSuccess(@Param("id") long id, @Param("now") Instant now);

    @Update("UPDATE staff_account SET oidc_issuer = #{issuer}, oidc_subject = #{subject} WHERE id = #{id}")
    int setOidcIdentity(@Param("id") long id, @Param("issuer") String issuer, @Param("subject") String subject);

    /** A link made before issuers were kept gets the issuer it was just used through. */
    @Update("UPDATE staff_account SET oidc_issuer = #{issuer} WHERE id = #{id} AND oidc_issuer = ''")
    int fillOidcIssuer(@Param("id") long id, @Param("issuer") String issuer);

    @Update("UPDATE staff_account SET failed_attempts = 0, locked_until = NULL WHERE id = #{id}")
    int unlock(long id);

    record StaffRow(long id, String username, String passwordHash, String displayName, int enabled,
            Instant lockedUntil, Instant lastLoginTime, String oidcIssuer, String oidcSubject) {
    }
}
