/**
 * The WeChat mini-program server API (code2Session, profile decryption; subscribe messages later),
 * through the WxJava SDK. The base URL is configurable so tests talk to a local stub server.
 */
package com.luckify.wechat;
