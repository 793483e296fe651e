/**
 * The WeChat mini-program server API (code2Session, profile decryption, verified phone numbers, content security,
 * subscribe messages), through the WxJava SDK. The base URL is configurable so tests talk to a local stub server.
 */
package com.luckify.wechat;
