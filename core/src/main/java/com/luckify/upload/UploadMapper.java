package com.luckify.upload;

import java.util.Collection;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
interface UploadMapper {

    void insert(@Param("row") NewUploadRow row);

    @Select("<script>SELECT COUNT(DISTINCT url) FROM upload_file WHERE user_id = #{userId} AND url IN "
            + "<foreach item='url' collection='urls' open='(' separator=',' close=')'>#{url}</foreach></script>")
    int countOwnedUrls(@Param("userId") long userId, @Param("urls") Collection<String> urls);
}
