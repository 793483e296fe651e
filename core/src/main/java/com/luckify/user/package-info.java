/**
 * Mini-program accounts (usercenter): registration with mobile and password, WeChat login, profile.
 * Public API: {@link com.luckify.user.UserService} and its records. Mappers and hashing stay inside.
 */
package com.luckify.user;
