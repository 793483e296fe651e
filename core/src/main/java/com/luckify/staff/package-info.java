/**
 * Staff accounts of the admin console, separate from mini-program users: roles, BCrypt passwords, lock-out
 * after repeated failed logins, the first administrator from the environment, and OIDC subjects.
 */
package com.luckify.staff;
