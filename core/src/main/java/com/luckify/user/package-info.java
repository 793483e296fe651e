/**
 * Mini-program accounts (usercenter): registration with mobile and password, WeChat login, profile, mobiles WeChat
 * verified and what settings reserve for accounts that have one. Public API: {@link com.luckify.user.UserService},
 * {@link com.luckify.user.UserMobiles}, {@link com.luckify.user.RealPeople} and their records. Mappers and hashing
 * stay inside.
 */
package com.luckify.user;
