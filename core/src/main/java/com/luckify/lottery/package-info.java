/**
 * Lotteries (抽奖). So far only what the sponsor feature needs to ask of them; the lottery issue builds the rest.
 */
package com.luckify.lottery;
