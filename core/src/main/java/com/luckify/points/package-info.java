/** Wish value (心愿值): the append-only ledger and the balance it keeps. */
package com.luckify.points;
