// Material for MkDocs' partials/javascripts/base.html, as a file: the site's Content-Security-Policy runs no
// inline script whose text differs from page to page, and Material's names the site's root relative to each
// page ("..", "../.."). Here the root is the folder above this file's own, the same address on every page.
// overrides/partials/javascripts/base.html loads it; tests/browser/test_site_files.py keeps it Material's.
__md_scope=new URL("..",document.currentScript.src),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}}
