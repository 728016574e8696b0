"""The window's icons as alpha masks, made from icons/<name>.svg by
resources/make_icons.py: do not edit, run it again after changing an SVG.

DATA is base64 of zlib-compressed bytes: for each of ICONS in turn, each of PIXELS
in turn, one byte of coverage per pixel, rows top down."""

ICONS = ("play", "stop", "chevron-left", "chevron-right", "discard", "overlap")
PIXELS = (16, 32, 64)
DATA = (
    "eNrtnX1wFsUdxy9PIJBQoYYXiUaUioIKTdHAtEMiKgPVTisBH15MWlqsaEFbOxUKaqFVcQSJYl9NyIARnZYMDxRx"
    "mtDO0NbawlSCTqFgJhYlwmAgzQANSUyeh3z73D53z93t7e3e3cr7fv+5/J7vfvbZ7N3t7u3ds6dpPtT/88543ckF"
    "GfY4BuwY7YzR/WxfRwx8MMkZA+Xc2Jm+e7kjv3/cbC/PifkZvPJeHJoxM4NnTwTevonjR5OV2PVMX64PNN7J94FX"
    "B/F9/PfbfB/Yfj3fx6dLs7g+sK+I76NnzQCuD9RJ+T2V3Pz3TeCVr/MnWeHrp2UOt36rufun8Q7u8fF0H+7xdaPE"
    "8amkpHR2tPDQx09mhcdn6y3F/uLQ/OupFrIqbDdsjgeaZ8vxyTb8Wjke7Yt6SfHAe+PkeJz++WVSPHBoqhwPbL5K"
    "jsfJhyNSPLBzjByP+IpsKR44MEWOB14fLMej9X45HvjrSDkeny7LkuKTTUuRHI94sRyP355bXrL8+ydI7b+lUvvv"
    "LzdIHb9zpY7f16TOnwOTpdqP57LPXft1coFU+7npSqn+4x6p/uulz0n1n4VS/ffCTJn+u1Zq/NA8S2r8tCbs+Gm2"
    "n0b2DI4flZQuIT0XT3UPZhw3+gszNhuTsDGdH/19SvIavCVhdRqJLa5hxhZnj7iF9hNOP0H7dIes/GC+qH5F+0e0"
    "f5WUlJSUrq1p9bh0r/FzMXRvm/fFf9u94m9v4809tAlLUMOfOakR8a18vlXEi2Z+FK94xSte8WeGl22/ZfsP2f6L"
    "339OP/P9t5KSkpJAuWsdzxrmvts+2hne7h1GGmAPXTGdnv3BaF55LmENL+vHs6d0ooJv83zd3jvkvLQn8+0+R4Fm"
    "b1vLaub7ovyF5Tt/ElRIHB/J46u0nzrJlJSUfCp/U0v9XeHxaz7U73YWSOHAKjk8LG/iIctv4okZClf4BYIPk8Mz"
    "90jh2nhjviMkLs3Lll+2/qT3n8pAZXC+ZRC6/5fsv6XHD9Ljl+T4KSY1flJSUvosddPaXEc8uv1d5we3iz9AQ4QT"
    "U+mpkP4+ujyXpvqVDef6Feicwvf5CYbsvVAS8H7mMkSf58wK7QvyF5TvXNrC/Ss6PvqVDlcnmZKSklB31bdsyg+P"
    "F+i/8PjwmtD8KnLJEj6DFB8+g4K4ZAYzEioDlcHFlcEwyQz2ZIbNwJjQHH9ueMnyS9af5P5TuMLPPi7bf8r237Lj"
    "B9nxiz5+ikmMn5SUlD4z3RdL6j4rjiEWSz+Kf8R6wvyIHk+sxMrF0eji51ExkSQYi5HFOTnFo/ClFJCPCT3Tp/cU"
    "wVhTKhsliEYxDebalKfm6fGDbebXHXxcT//ER2Zc/6Ke3+pdZrwNevms9RpJcR0FviBUGDXEXvCksCe99CQzgW39"
    "yBUe/gY99w1A1OlUs38vUG367Wy/PZ3zRn3Bk13AG3q1vwHUJ8PYRvu3/BT4oq17AJY5i7AAsC08OgmY7/RnArO0"
    "aPUITRtRHdXXN6HuJ94BPKx1Yr2mrUen9gioB4q1McDPtGShyNos2lOA8+lhLQ/4leX/Ghjq9HsnK8/ya4DeVO2e"
    "wHbL/zOO07X/Af5l+XvQSPs7kydP2v8EO2j/TXRnmP9fRhxbaX8d0N+snwHAWtp/HrjO/HsEsJL2fwysMo+/cmAR"
    "7c917vvvuI5Op1/ofXR7H+FKSheHxlXFKFUFWQVyXLe7te0OkEEVq7mu8s/HQv30TsA3BeWtykuFAfmYd8zQ0NoE"
    "fCtRO5TmaxFItTQfD8bHab4xGO/qfya3B8Hb3XcAryhJtuuPEffFaGllZam9vSfxamL+KBmWXOGxF3JIEo/VSkuI"
    "mcPdjR16ku+yvQccgxa2mvQ0S9je47p3kM/vti9jT+kF3avn89vICuukPqemnxgqmErqaz1jUXJaZOW4Pxj7c3Xq"
    "s9XG/iKH6Gt8nuyjd8zjqcAYrKWOl11k3/L5J8m8gWb8jjdqjUuTf3ykb5/g8w+Sn7my+VP6dh6fn04S92Xx2WQ7"
    "jc8Xk0T5LP5qshUsqncjSTSWxd9CtqP4/CCSaDKLn0K2A/l8JrlIKGXxZWQtRtEqki16qh+w+Ef1zTFR0/u+nuoZ"
    "Fr+cLEoo4v+mp3qZxVfom7dE/GajqXfzm8g6mCK+kiyRy+Lf0jcVIv5Zsvg/i9+vb5aL+B/qqY6y+GP65lER/03S"
    "P0Xc52/ktL4tE/FfJd+W624/BhJDuADyrSTZSHf7NYoYt4j4YSQZY33bImJcLeJTPUiJ25hGDPEKrqQffMD9+Tz9"
    "81PisUcTNXZxjGEOivl6Xr+7S8xv4/F1IceOptaEG7sGGsMWVsU8VKUuG5XOjvLyHOHYjo6x9vjvwNu2kKy3a631"
    "m/0xud5JtzXLoM9nYqkR5ren4lNXWWM2PTbGZl/pMeOeLyfDjHes8+efGZo2J/WmpHKy+ZY+cWSLd2raoi4rfdfC"
    "86xa+8+c2Z9X6w1AQ57gum6jpz0x9V/f5mFH3jMWlI5wxp7eY8wBx0z/KPN/KLfqnfVbgRts7WIX4/0+bxoDF/I/"
    "uqb3jNGf6YO+/uq1z+n/m3prxffh9PGIw85tpf1WxxPFvwTt4xc2++a424/b1mP4E9w+/pi2v8HuLb5u2Fke17aN"
    "xhzsQuujw7HYYSt6jNhDTlqfxBxzEycGG2enh5+apLbPjjvzxyu6P8u7v0s1CUuOsN0jS1Q7q3QmdffWw4e33h2W"
    "zqhIHacVIV/rlT4vw/VCV6YXwmrLC8O/yriTFUDje2zvegv+Cp+MnfZTfUdgvszZVpQGxHMOUW9wyAnGP003Vk8F"
    "wod10HxHoKe3Nrhby98FwItYze0E33hkN4uv930a3M9u7+f6xC9rZvOf+HwN1Eqv7miFL/w6awBpm38gL475gh/+"
    "9/DisdkHPgnePO4U4pl7ebz4EcT54PH4ngC/vIXPtwhe6fES+Lw5J+OhUXER3819+1MdRLz7zoVNX4OYh3d/1LvB"
    "D/9+L+7cmZD3nEMbdNwff9zjBZsvwx+P3zDxMQm/fIL5JqHt8Mtju+Y1P+ZT7vm1PgeC8P9x/cBsSbD7V4spfGhb"
    "MP5/1A28dQgo5wMWhT3MROXG0xQMnb6Vmk9gyWv/6XLNPwTkbfMVvZvC8E3pR2BuQxjeuk6f45WCU39JpV+DOxWh"
    "lL7NOKgrDN410HnXLKhsLXmfuuB4nf1NvZGHdge6gRzf/VBEU1LS/g8fdFRc"
)
