"""Headers that real rosters use for fields several registries share (a person's name, ID number, phone,
employer): one tuple each, named in every registry's field declarations (:mod:`db.fields`)."""

from __future__ import annotations

PERSON_NAME = ("名字", "会员姓名", "职工姓名", "员工姓名", "选手姓名", "参赛选手", "困难职工姓名", "户主姓名")
ID_NUMBER = ("身份证号码", "公民身份号码", "公民身份证号", "公民身份证号码", "身份证", "证件号码", "证件号",
             "身份证件号码", "居民身份证号码", "身份证号码（18位）")
MOBILE = ("手机", "手机号", "移动电话", "联系电话", "电话", "联系方式", "电话号码", "联系手机")
PHONE = ("电话", "手机", "手机号码", "联系方式", "电话号码", "负责人电话")
EMPLOYER = ("单位", "单位名称", "所在单位", "工作单位名称", "就职单位", "用人单位", "企业名称")
REMARKS = ("说明", "备考", "其他")
GENDER = ("男/女",)
