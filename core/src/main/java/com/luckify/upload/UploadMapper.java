package com.luckify.upload;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface UploadMapper {

    void insert(@Param("row") NewUploadRow row);
}
