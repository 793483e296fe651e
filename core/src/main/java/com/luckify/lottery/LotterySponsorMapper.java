package com.luckify.lottery;

import org.apache.ibatis.annotations.Mapper;

@Mapper
interface LotterySponsorMapper {

    int countLiveBySponsor(long sponsorId);
}
