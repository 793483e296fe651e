package com.luckify.checkin;

/** What a user does that moves tasks forward ({@code tasks.event_type}). */
enum TaskEvent {
    LOTTERY_JOINED,
    LOTTERY_CREATED,
    CHECKIN_SUBSCRIBED,
    CHECKIN
}
