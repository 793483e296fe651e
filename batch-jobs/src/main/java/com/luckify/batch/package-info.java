/** Spring Batch jobs and their schedules (the {@code batch} role). */
package com.luckify.batch;
