package com.luckify.wechat;

import java.util.concurrent.TimeUnit;
import me.chanjar.weixin.common.util.http.apache.ApacheHttpClientBuilder;
import org.apache.http.client.HttpRequestRetryHandler;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.conn.ConnectionKeepAliveStrategy;
import org.apache.http.conn.ssl.SSLConnectionSocketFactory;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.impl.conn.PoolingHttpClientConnectionManager;

/**
 * The WxJava SDK's HTTP client, with every wait bounded: connect, read, and the wait for a pooled connection (the
 * SDK's default client waits for one without limit, so a slow WeChat held every request thread that needed it).
 * No automatic retries: a retry would double what a caller waits. The SDK's own default builder is one instance
 * per JVM; this one belongs to its {@link cn.binarywang.wx.miniapp.api.WxMaService}. No proxy.
 */
final class WeChatHttpClient implements ApacheHttpClientBuilder {

    private final WeChatProperties.Http settings;

    WeChatHttpClient(WeChatProperties.Http settings) {
        this.settings = settings;
    }

    @Override
    public CloseableHttpClient build() {
        PoolingHttpClientConnectionManager pool = new PoolingHttpClientConnectionManager(60, TimeUnit.SECONDS);
        pool.setMaxTotal(settings.maxConnections());
        pool.setDefaultMaxPerRoute(settings.maxConnections());
        RequestConfig timeouts = RequestConfig.custom()
                .setConnectTimeout(millis(settings.connectTimeout()))
                .setSocketTimeout(millis(settings.readTimeout()))
                .setConnectionRequestTimeout(millis(settings.poolWait()))
                .build();
        return HttpClients.custom()
                .setConnectionManager(pool)
                .setDefaultRequestConfig(timeouts)
                .disableAutomaticRetries()
                .evictIdleConnections(60, TimeUnit.SECONDS)
                .build();
    }

    private static int millis(java.time.Duration duration) {
        return (int) Math.min(Integer.MAX_VALUE, duration.toMillis());
    }

    // the SDK hands its proxy and tuning settings to any builder; this one takes none of them

    @Override
    public ApacheHttpClientBuilder httpProxyHost(String host) {
        return this;
    }

    @Override
    public ApacheHttpClientBuilder httpProxyPort(int port) {
        return this;
    }

    @Override
    public ApacheHttpClientBuilder httpProxyUsername(String username) {
        return this;
    }

    @Override
    public ApacheHttpClientBuilder httpProxyPassword(String password) {
        return this;
    }

    @Override
    public ApacheHttpClientBuilder httpRequestRetryHandler(HttpRequestRetryHandler handler) {
        return this;
    }

    @Override
    public ApacheHttpClientBuilder keepAliveStrategy(ConnectionKeepAliveStrategy strategy) {
        return this;
    }

    @Override
    public ApacheHttpClientBuilder sslConnectionSocketFactory(SSLConnectionSocketFactory factory) {
        return this;
    }

    /** The JDK's defaults (TLS 1.2 and 1.3) stay: WeChat's API needs nothing older. */
    @Override
    public ApacheHttpClientBuilder supportedProtocols(String[] protocols) {
        return this;
    }
}
