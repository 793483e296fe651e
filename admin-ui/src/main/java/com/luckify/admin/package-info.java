/**
 * The admin console (Thymeleaf + htmx): one URL, two renderings (the whole page, or the fragment an htmx request
 * swaps in). Controllers are thin: they read the form, call one core feature method with the acting
 * {@link com.luckify.audit.StaffActor}, and render; every change is audited by the feature in its transaction.
 */
package com.luckify.admin;
