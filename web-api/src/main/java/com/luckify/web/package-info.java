/**
 * The mini-program REST API: paths, JSON keys, envelope and error codes of the Go original's contract
 * ({@code luckify-api.yaml} in this module's resources), served when the process has the {@code api} role.
 * Controllers validate, call one core feature and map the result; they never touch a mapper.
 */
package com.luckify.web;
