/** Assembly of the runnable application: start-up checks and process-wide configuration. */
package com.luckify.app;
